package com.atelier.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The versioned REST API; every resource and provider in this package tree belongs to it. */
@ApplicationPath("/api/v1")
public class AtelierApi extends Application {
}
