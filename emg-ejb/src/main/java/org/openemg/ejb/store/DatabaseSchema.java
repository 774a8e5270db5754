package org.openemg.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Creates the tables on first start; idempotent afterwards. */
@Singleton
@Startup
public class DatabaseSchema {

    @Resource(lookup = "java:jboss/datasources/EmgDS")
    private DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void create() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : MessageTable.DDL) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the message tables: " + e.getMessage(), e);
        }
    }
}
