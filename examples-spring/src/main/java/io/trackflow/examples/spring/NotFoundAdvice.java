package io.trackflow.examples.spring;

import io.trackflow.core.error.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import reactor.core.publisher.Mono;

/** What the provider does not know ({@link NotFoundException}) is a 404 of this service too. */
@RestControllerAdvice
class NotFoundAdvice {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    Mono<Void> notFound() {
        return Mono.empty();
    }
}
