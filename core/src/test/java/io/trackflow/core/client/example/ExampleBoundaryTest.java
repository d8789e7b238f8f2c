package io.trackflow.core.client.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.ProviderClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example provider is compiled into core's test classes (and so into core's module), where it
 * could reach {@code io.trackflow.core.internal}: its class files prove it uses only what core's
 * {@code module-info} exports, as a provider in its own module must.
 */
class ExampleBoundaryTest {

    /** A class name in a class file's constant pool: {@code io/trackflow/core/<package>/<Class>}. */
    private static final Pattern CORE_CLASS = Pattern.compile("io/trackflow/core((?:/[a-z][a-z0-9_]*)*)/[A-Z]");

    @Test
    void theExampleProviderUsesOnlyCoresExportedPackages() throws Exception {
        Set<String> exported = exportedPackages();
        assertThat(exported).contains("io.trackflow.core.client").doesNotContain("io.trackflow.core.internal");
        Set<String> used = corePackagesUsed();
        assertThat(used).contains("io.trackflow.core.client", "io.trackflow.core.paging", "io.trackflow.core.auth");
        assertThat(used).isSubsetOf(exported);
    }

    private static Set<String> exportedPackages() throws IOException, URISyntaxException {
        Path mainClasses = Path.of(ProviderClientBuilder.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (InputStream in = Files.newInputStream(mainClasses.resolve("module-info.class"))) {
            ModuleDescriptor core = ModuleDescriptor.read(in);
            assertThat(core.name()).isEqualTo("io.trackflow.core");
            return core.exports().stream()
                    .filter(e -> !e.isQualified())
                    .map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The core packages the example's class files name, its own package left out. */
    private static Set<String> corePackagesUsed() throws IOException, URISyntaxException {
        Path dir = Path.of(QuotesClient.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("io/trackflow/core/client/example");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())) {
                // constant-pool UTF-8 entries of plain ASCII names read the same in ISO-8859-1
                Matcher m = CORE_CLASS.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    used.add("io.trackflow.core" + m.group(1).replace('/', '.'));
                }
            }
        }
        used.remove("io.trackflow.core.client.example");
        assertThat(used).as("core packages named by the example's class files").isNotEmpty();
        return used;
    }
}
