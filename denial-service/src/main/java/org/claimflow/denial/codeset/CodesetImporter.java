package org.claimflow.denial.codeset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads the CARC/RARC list into {@code adjustment_code} (descriptions for display) and gives every CARC a
 * row in {@code denial_reason_map}. Idempotent: a file whose checksum was imported before is skipped, codes
 * are upserted, and classification rows are only ever added, so what Flyway seeded or an operator changed
 * is never overwritten.
 */
@ApplicationScoped
public class CodesetImporter {

    private static final Logger LOG = Logger.getLogger(CodesetImporter.class);
    static final String OTHER_ROOT_CAUSE_PREFIX = "Not classified yet; the payer says: ";

    private final DataSource dataSource;
    private final Clock clock;

    public CodesetImporter(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        importCarcRarc();
    }

    public void importCarcRarc() {
        byte[] file = read(CarcRarcCodeset.RESOURCE);
        String checksum = sha256(file);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            if (alreadyImported(connection, checksum)) {
                connection.rollback();
                return;
            }
            List<CarcRarcCodeset.Code> codes = CarcRarcCodeset.parse(new ByteArrayInputStream(file));
            upsertCodes(connection, codes);
            int classified = addUnclassifiedCarcs(connection);
            recordImport(connection, checksum, codes.size());
            connection.commit();
            LOG.infof("imported %d adjustment codes from %s; %d CARCs added to the classification table as OTHER",
                    codes.size(), CarcRarcCodeset.RESOURCE, classified);
        } catch (SQLException e) {
            throw new IllegalStateException("could not import " + CarcRarcCodeset.RESOURCE + " (SQL state " + e.getSQLState() + ")", e);
        }
    }

    private static boolean alreadyImported(Connection connection, String checksum) throws SQLException {
        // Advisory lock: two replicas starting together import once, the second waits and then skips.
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, CarcRarcCodeset.RESOURCE);
            lock.execute();
        }
        try (PreparedStatement select = connection.prepareStatement("select checksum from codeset_import where name = ?")) {
            select.setString(1, CarcRarcCodeset.RESOURCE);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && checksum.equals(rs.getString(1));
            }
        }
    }

    private static void upsertCodes(Connection connection, List<CarcRarcCodeset.Code> codes) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into adjustment_code (kind, code, description, start_date, end_date) values (?, ?, ?, ?, ?)
                on conflict (kind, code) do update set description = excluded.description,
                    start_date = excluded.start_date, end_date = excluded.end_date""")) {
            for (CarcRarcCodeset.Code code : codes) {
                upsert.setString(1, code.kind());
                upsert.setString(2, code.code());
                upsert.setString(3, code.description());
                upsert.setDate(4, code.startDate() == null ? null : Date.valueOf(code.startDate()));
                upsert.setDate(5, code.endDate() == null ? null : Date.valueOf(code.endDate()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Every CARC without a row of its own gets OTHER → BILLING, with the payer's wording as root cause. */
    private static int addUnclassifiedCarcs(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into denial_reason_map (group_code, carc, rarc, category, root_cause, queue, appealable, correctable, updated_at)
                select '*', c.code, null, 'OTHER', left(? || c.description, 500), 'BILLING', false, false, now()
                from adjustment_code c
                where c.kind = 'CARC' and not exists (select 1 from denial_reason_map m where m.carc = c.code)
                on conflict do nothing""")) {
            insert.setString(1, OTHER_ROOT_CAUSE_PREFIX);
            return insert.executeUpdate();
        }
    }

    private void recordImport(Connection connection, String checksum, int rows) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into codeset_import (name, checksum, row_count, imported_at) values (?, ?, ?, ?)
                on conflict (name) do update set checksum = excluded.checksum, row_count = excluded.row_count,
                    imported_at = excluded.imported_at""")) {
            upsert.setString(1, CarcRarcCodeset.RESOURCE);
            upsert.setString(2, checksum);
            upsert.setInt(3, rows);
            upsert.setTimestamp(4, Timestamp.from(clock.instant()));
            upsert.executeUpdate();
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
