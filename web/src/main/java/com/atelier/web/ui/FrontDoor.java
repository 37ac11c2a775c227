package com.atelier.web.ui;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The portal's root URL sends people to the home page, which is behind the Keycloak sign-in; a redirect (not a
 * forward) so that the security constraint on /app/* applies.
 */
@WebServlet("")
public class FrontDoor extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/app/home.xhtml");
    }
}
