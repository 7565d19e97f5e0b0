package org.portcullis;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of DESIGN.md ("Layout"), read from the compiled main classes: every arrow between our packages
 * points down, so a reader can draw the service from its package names. A class that reaches up (a DAO
 * returning an HTTP response, a service reading a settings class) fails here, naming the offending access.
 * Each package's package-info.java says in words what these rules say in code.
 */
@AnalyzeClasses(packages = "org.portcullis", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {
    private static final String APPLICATION = "Application";
    private static final String HTTP = "Http";
    private static final String TASKS = "Tasks";
    private static final String HEALTH = "Health";
    private static final String GUARD = "Guard";
    private static final String CONFIG = "Config";
    private static final String API = "Api";
    private static final String SERVICE = "Service";
    private static final String DB = "Db";
    private static final String DOMAIN = "Domain";

    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer(APPLICATION).definedBy("org.portcullis")
            .layer(HTTP).definedBy("org.portcullis.http..")
            .layer(TASKS).definedBy("org.portcullis.tasks..")
            .layer(HEALTH).definedBy("org.portcullis.health..")
            .layer(GUARD).definedBy("org.portcullis.guard..")
            .layer(CONFIG).definedBy("org.portcullis.config..")
            .layer(API).definedBy("org.portcullis.api..")
            .layer(SERVICE).definedBy("org.portcullis.service..")
            .layer(DB).definedBy("org.portcullis.db..")
            .layer(DOMAIN).definedBy("org.portcullis.domain..")
            .whereLayer(APPLICATION).mayNotBeAccessedByAnyLayer()
            .whereLayer(HTTP).mayOnlyAccessLayers(GUARD, API, SERVICE, DOMAIN)
            .whereLayer(TASKS).mayOnlyAccessLayers(API, SERVICE, DOMAIN)
            .whereLayer(HEALTH).mayNotAccessAnyLayer()
            .whereLayer(GUARD).mayOnlyAccessLayers(CONFIG, API, SERVICE, DOMAIN)
            .whereLayer(CONFIG).mayOnlyAccessLayers(API, DOMAIN)
            .whereLayer(API).mayOnlyAccessLayers(DOMAIN)
            .whereLayer(SERVICE).mayOnlyAccessLayers(DB, DOMAIN)
            .whereLayer(DB).mayOnlyAccessLayers(DOMAIN)
            .whereLayer(DOMAIN).mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.portcullis.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainUsesOnlyTheJdk = classes().that().resideInAPackage("org.portcullis.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.portcullis.domain..");

    /** One wiring style: every data-access object comes from db.Storage, so no service touches Jdbi itself. */
    @ArchTest
    static final ArchRule servicesGetTheirDataAccessHandedIn = noClasses().that()
            .resideInAPackage("org.portcullis.service..")
            .should().dependOnClassesThat().resideInAPackage("org.jdbi..");

    /** Services are called from HTTP, tasks and schedules alike, so they know nothing of requests and responses. */
    @ArchTest
    static final ArchRule servicesSeeNoHttp = noClasses().that().resideInAnyPackage("org.portcullis.service..",
                    "org.portcullis.db..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..",
                    "org.glassfish.jersey..", "io.dropwizard.jersey..", "io.dropwizard.auth..");
}
