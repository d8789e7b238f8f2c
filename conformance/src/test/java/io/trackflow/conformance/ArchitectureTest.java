package io.trackflow.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN §2, checked on the compiled library classes of every module. */
class ArchitectureTest {

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the core test-jar (io.trackflow.core.testing) is test support, not library code
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("test-classes"))
                .importPackages(
                        "io.trackflow.core",
                        "io.trackflow.beyondwords",
                        "io.trackflow.beatpass",
                        "io.trackflow.testkit",
                        "io.trackflow.flink");
    }

    @Test
    void providersNeverReachIntoCoreInternals() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.trackflow.beyondwords..",
                        "io.trackflow.beatpass..",
                        "io.trackflow.flink..",
                        "io.trackflow.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.trackflow.core.internal..")
                .check(library);
    }

    @Test
    void coreKnowsNoProvider() {
        noClasses()
                .that()
                .resideInAPackage("io.trackflow.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.trackflow.beyondwords..",
                        "io.trackflow.beatpass..",
                        "io.trackflow.flink..",
                        "io.trackflow.testkit..")
                .check(library);
    }

    @Test
    void pagingKnowsNoHttp() {
        noClasses()
                .that()
                .resideInAPackage("io.trackflow.core.paging..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.trackflow.core.http..", "io.trackflow.core.client..", "io.netty..", "reactor.netty..")
                .check(library);
    }

    @Test
    void nettyStaysInTheTransport() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.trackflow.core..",
                        "io.trackflow.beyondwords..",
                        "io.trackflow.beatpass..",
                        "io.trackflow.flink..")
                .and()
                .resideOutsideOfPackage("io.trackflow.core.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.netty..", "reactor.netty..")
                .check(library);
    }

    @Test
    void libraryCodeNeverUsesTheTestkit() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.trackflow.core..",
                        "io.trackflow.beyondwords..",
                        "io.trackflow.beatpass..",
                        "io.trackflow.flink..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.trackflow.testkit..")
                .check(library);
    }

    @Test
    void theProvidersKnowNothingOfEachOther() {
        noClasses()
                .that()
                .resideInAPackage("io.trackflow.beyondwords..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.trackflow.beatpass..")
                .check(library);
        noClasses()
                .that()
                .resideInAPackage("io.trackflow.beatpass..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.trackflow.beyondwords..")
                .check(library);
    }

    @Test
    void exceptionsAreCreatedOnlyByTheErrorFactory() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("io.trackflow.core.error.ErrorFactory")
                .should()
                .callConstructorWhere(new DescribedPredicate<JavaConstructorCall>("an ApiException is created") {
                    @Override
                    public boolean test(JavaConstructorCall call) {
                        boolean superCall = call.getOrigin() instanceof com.tngtech.archunit.core.domain.JavaConstructor
                                && call.getOriginOwner().isAssignableTo("io.trackflow.core.error.ApiException");
                        return !superCall
                                && call.getTargetOwner().isAssignableTo("io.trackflow.core.error.ApiException");
                    }
                })
                .check(library);
    }

    /** The library's modules (core, the providers, the testkit, Flink) depend on each other one way. */
    @Test
    void theLibrarysModulesFormNoCycle() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("io.trackflow.(*)..")
                .should()
                .beFreeOfCycles()
                .check(library);
    }

    /**
     * Outside core, every package of the library depends on the others one way (core's own packages are
     * issue 24's open work: docs/decisions.md, Architecture).
     */
    @Test
    void packagesOutsideCoreFormNoCycle() {
        JavaClasses outsideCore = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(
                        "io.trackflow.beyondwords",
                        "io.trackflow.beatpass",
                        "io.trackflow.testkit",
                        "io.trackflow.flink");
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("io.trackflow.(**)")
                .should()
                .beFreeOfCycles()
                .check(outsideCore);
    }
}
