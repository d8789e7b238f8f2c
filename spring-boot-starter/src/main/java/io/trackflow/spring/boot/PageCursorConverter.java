package io.trackflow.spring.boot;

import io.trackflow.core.paging.PageCursor;
import org.springframework.core.convert.converter.Converter;

/**
 * A {@link PageCursor} from its text ({@link PageCursor#parse}), so that an endpoint takes one as a request
 * parameter or path variable ({@code @RequestParam PageCursor after}); Spring Boot adds converter beans to the
 * web conversion service. A text that is not a cursor is the request's fault (400).
 */
final class PageCursorConverter implements Converter<String, PageCursor> {

    @Override
    public PageCursor convert(String source) {
        return PageCursor.parse(source);
    }
}
