package com.atelier.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;

/** Where the tested portal and its neighbours are, as the build configured them (see ear/pom.xml). */
final class Portal {

    static final String API = "http://localhost:" + System.getProperty("it.http.port") + "/api/v1";
    static final String BASE = "http://localhost:" + System.getProperty("it.http.port");
    static final String KEYCLOAK = System.getProperty("it.keycloak.url");
    static final String DB_URL = System.getProperty("it.db.url");

    private Portal() {
    }

    /** The EAR exactly as `./mvnw package` built it, so the tests see what production runs. */
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }
}
