package com.atelier.governance.workspace;

import com.atelier.governance.access.Role;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role under its Keycloak name, so that the table reads like the realm. */
@Converter
public class RoleColumn implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.realmName();
    }

    @Override
    public Role convertToEntityAttribute(String name) {
        return name == null ? null : Role.fromRealmName(name)
                .orElseThrow(() -> new IllegalStateException("unknown role in membership table: " + name));
    }
}
