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
     * Core's packages form layers (DESIGN §2, docs/architecture.md): {@code internal} at the bottom, {@code
     * json} and {@code http}, {@code paging}'s values, {@code error}, then {@code auth}, {@code retry},
     * {@code ratelimit}, {@code observation}, then {@code client}, and the root package's builders on top.
     */
    @Test
    void coresPackagesFormNoCycle() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("io.trackflow.core.(*)..")
                .should()
                .beFreeOfCycles()
                .check(library);
    }

    /** Every package of the library, each on its own (sub-packages included), depends on the others one way. */
    @Test
    void everyPackageOfTheLibraryFormsNoCycle() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("io.trackflow.(**)")
                .should()
                .beFreeOfCycles()
                .check(library);
    }

    /** The bottom of core reaches nothing above it: the transport makes no error, the wire codec knows no HTTP. */
    @Test
    void theBottomLayersReachNothingAboveThem() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.trackflow.core.internal..", "io.trackflow.core.json..", "io.trackflow.core.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.trackflow.core.error..",
                        "io.trackflow.core.paging..",
                        "io.trackflow.core.auth..",
                        "io.trackflow.core.retry..",
                        "io.trackflow.core.ratelimit..",
                        "io.trackflow.core.observation..",
                        "io.trackflow.core.client..")
                .check(library);
    }

    /** The paging engine names no exception type: the error model, above it, is handed to it. */
    @Test
    void pagingSitsBelowTheErrorModel() {
        noClasses()
                .that()
                .resideInAPackage("io.trackflow.core.paging..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.trackflow.core.error..")
                .check(library);
    }
}
