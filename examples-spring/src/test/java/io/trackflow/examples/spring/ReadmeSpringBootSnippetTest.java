package io.trackflow.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Spring Boot" Java snippet is the example service's controller, between the {@code
 * README: Spring Boot} and {@code README end} markers of {@code TracksController.java}, comments and
 * layout aside: so it compiles, and the tests of this module run it. (The examples module's
 * ReadmeSnippetsTest checks the other sections.)
 */
class ReadmeSpringBootSnippetTest {

    @Test
    void theReadmeShowsTheControllerOfTheExampleService() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher section =
                Pattern.compile("\n## Spring Boot\n(.*?)\n## ", Pattern.DOTALL).matcher(readme);
        assertThat(section.find()).as("a 'Spring Boot' section in README.md").isTrue();
        Matcher snippet = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section.group(1));
        assertThat(snippet.find())
                .as("a Java snippet in the 'Spring Boot' section")
                .isTrue();

        String source = Files.readString(Path.of("src/main/java/io/trackflow/examples/spring/TracksController.java"));
        Matcher copy = Pattern.compile("// README: Spring Boot\n(.*?)// README end", Pattern.DOTALL)
                .matcher(source);
        assertThat(copy.find())
                .as("the README markers in TracksController.java")
                .isTrue();

        assertThat(code(snippet.group(1))).isEqualTo(code(copy.group(1)));
    }

    /** The code without comments and whitespace (string literals kept as they are). */
    private static String code(String snippet) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(snippet.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (snippet.startsWith("//", i)) {
                i = lineEnd(snippet, i);
            } else if (snippet.startsWith("/*", i)) {
                int end = snippet.indexOf("*/", i + 2);
                i = end < 0 ? snippet.length() : end + 1;
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int lineEnd(String s, int from) {
        int end = s.indexOf('\n', from);
        return end < 0 ? s.length() : end;
    }
}
