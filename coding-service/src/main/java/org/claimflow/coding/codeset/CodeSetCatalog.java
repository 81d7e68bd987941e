package org.claimflow.coding.codeset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.claimflow.coding.domain.edits.CodeSet;
import org.claimflow.coding.domain.edits.CodeSetVersion;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/** Which code-set versions are loaded, and whether the edits may run yet. */
@ApplicationScoped
public class CodeSetCatalog {

    private final AgroalDataSource dataSource;
    private volatile List<CodeSetVersion> versions = List.of();
    private volatile boolean ready;
    private volatile String problem = "code sets are loading";

    public CodeSetCatalog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<CodeSetVersion> versions() {
        return versions;
    }

    public boolean ready() {
        return ready;
    }

    /** Why the catalogue is not ready; never carries data. */
    public String problem() {
        return problem;
    }

    void markReady() throws SQLException {
        refresh();
        ready = true;
    }

    void markFailed(String why) {
        ready = false;
        problem = why;
    }

    void refresh() throws SQLException {
        List<CodeSetVersion> loaded = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select name, version, effective_from, effective_to from codeset_version");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                loaded.add(new CodeSetVersion(CodeSet.byId(rs.getString(1)), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()));
            }
        }
        versions = List.copyOf(loaded);
    }
}
