package com.atelier.web.ui;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Ends the portal session and the Keycloak single sign-on session, then comes back to the portal's front door.
 */
@WebServlet("/sign-out")
public class SignOut extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.logout();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        var config = ConfigProvider.getConfig();
        String keycloak = config.getOptionalValue("atelier.keycloak.url", String.class).orElse("http://localhost:8180");
        String realm = config.getOptionalValue("atelier.keycloak.realm", String.class).orElse("atelier");
        String back = request.getRequestURL().toString().replace(request.getRequestURI(), request.getContextPath() + "/");
        response.sendRedirect(keycloak.replaceAll("/+$", "") + "/realms/" + realm
                + "/protocol/openid-connect/logout?client_id=atelier-web&post_logout_redirect_uri="
                + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }
}
