package org.claimflow.coding.codeset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.edits.CodeSet;
import org.claimflow.coding.domain.edits.CodeSetRows;
import org.claimflow.coding.domain.edits.CodeSetVersion;
import org.claimflow.coding.domain.edits.NcciPtpPolicy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the code-set rows one encounter needs. The small tables (ICD-10-CM, MCE, HCPCS, modifiers, POS, MUE,
 * add-on edits: about 100,000 rows, some 25 MB per version) are read once per version into memory, on first use;
 * the 2.5 M NCCI PTP pairs stay in PostgreSQL and are asked for in one indexed query per encounter (every code
 * pair at once, {@code (column1, column2) in (…)}). A check therefore costs one database round trip.
 * A version's rows never change once loaded (a new quarter is a new version), so the cache is never stale.
 */
@ApplicationScoped
public class CodeSetRepository {

    /** Every PTP edit among the encounter's code pairs, in one indexed query (see CodeSetLookupPlanTest). */
    static final String PTP_SQL = "select column1, column2, deletion_date, modifier_indicator, rationale from ncci_ptp_edit "
            + "where codeset_version = ? and (column1, column2) in (select * from unnest(?::varchar[], ?::varchar[]))";

    private final AgroalDataSource dataSource;
    private final Map<String, Map<String, ?>> tables = new java.util.concurrent.ConcurrentHashMap<>();

    public CodeSetRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public CodeSetRows rowsFor(CodedEncounter encounter, Map<CodeSet, CodeSetVersion> versions) {
        Set<String> dx = new LinkedHashSet<>();
        encounter.diagnoses().forEach(d -> dx.add(CodeSetRows.undotted(d)));
        Set<String> procedures = new LinkedHashSet<>();
        Set<String> modifiers = new LinkedHashSet<>();
        for (CodedEncounter.Line line : encounter.serviceLines()) {
            procedures.add(line.procedureCode());
            modifiers.addAll(line.modifiers());
        }
        Map<String, CodeSetRows.IcdCode> icd = pick(icd(versions.get(CodeSet.ICD10CM)), dx);
        Map<String, List<CodeSetRows.MceEdit>> mce = pick(mce(versions.get(CodeSet.MCE)), dx);
        Map<String, CodeSetRows.HcpcsCode> hcpcs = pick(hcpcs(versions.get(CodeSet.HCPCS)), procedures);
        Set<String> knownModifiers = pick(codes(versions.get(CodeSet.MODIFIERS), "modifier_code"), modifiers).keySet();
        Set<String> pos = pick(codes(versions.get(CodeSet.POS), "pos_code"), Set.of(encounter.placeOfService())).keySet();
        Map<String, CodeSetRows.Mue> mues = pick(mue(versions.get(CodeSet.NCCI_MUE)), procedures);
        Map<String, List<CodeSetRows.AddOnEdit>> addOns = pick(addOn(versions.get(CodeSet.NCCI_AOC)), procedures);
        try (Connection c = dataSource.getConnection()) {
            List<CodeSetRows.PtpEdit> ptp = ptpEdits(c, versions.get(CodeSet.NCCI_PTP), NcciPtpPolicy.pairsToLookUp(encounter));
            return new CodeSetRows(Map.copyOf(versions), icd, mce, hcpcs, new HashSet<>(knownModifiers), new HashSet<>(pos), ptp,
                    mues, addOns);
        } catch (SQLException e) {
            throw new IllegalStateException("code-set lookup failed", e);
        }
    }

    /** Reads the small tables of these versions into memory now, so that no check pays for it. */
    public void warm(List<CodeSetVersion> versions) {
        for (CodeSetVersion v : versions) {
            switch (v.set()) {
                case ICD10CM -> icd(v);
                case MCE -> mce(v);
                case HCPCS -> hcpcs(v);
                case MODIFIERS -> codes(v, "modifier_code");
                case POS -> codes(v, "pos_code");
                case NCCI_MUE -> mue(v);
                case NCCI_AOC -> addOn(v);
                default -> {
                    // NCCI PTP stays in PostgreSQL
                }
            }
        }
    }

    private static <V> Map<String, V> pick(Map<String, V> table, Set<String> codes) {
        Map<String, V> out = new HashMap<>();
        for (String code : codes) {
            V row = table.get(code);
            if (row != null) {
                out.put(code, row);
            }
        }
        return out;
    }

    private Map<String, CodeSetRows.IcdCode> icd(CodeSetVersion version) {
        return table("icd", version, "select code, billable, description from icd10cm_code where codeset_version = ?",
                (rs, m) -> m.put(rs.getString(1), new CodeSetRows.IcdCode(rs.getString(1), rs.getBoolean(2), rs.getString(3))));
    }

    private Map<String, List<CodeSetRows.MceEdit>> mce(CodeSetVersion version) {
        return table("mce", version, "select code, edit_group, rule, age_min, age_max, sex from mce_edit where codeset_version = ?",
                (rs, m) -> m.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CodeSetRows.MceEdit(rs.getString(1),
                        rs.getString(2), rs.getString(3), (Integer) rs.getObject(4), (Integer) rs.getObject(5), rs.getString(6))));
    }

    private Map<String, CodeSetRows.HcpcsCode> hcpcs(CodeSetVersion version) {
        return table("hcpcs", version, "select code, date_added, date_term from hcpcs_code where codeset_version = ?",
                (rs, m) -> m.put(rs.getString(1), new CodeSetRows.HcpcsCode(rs.getString(1),
                        rs.getObject(2, java.time.LocalDate.class), rs.getObject(3, java.time.LocalDate.class))));
    }

    private Map<String, Boolean> codes(CodeSetVersion version, String tableName) {
        return table(tableName, version, "select code from " + tableName + " where codeset_version = ?",
                (rs, m) -> m.put(rs.getString(1), Boolean.TRUE));
    }

    private Map<String, CodeSetRows.Mue> mue(CodeSetVersion version) {
        return table("mue", version, "select code, mue_units, mai, rationale from ncci_mue where codeset_version = ?",
                (rs, m) -> m.put(rs.getString(1), new CodeSetRows.Mue(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4))));
    }

    private Map<String, List<CodeSetRows.AddOnEdit>> addOn(CodeSetVersion version) {
        return table("aoc", version, "select primary_code, add_on_code, edit_type from ncci_addon_edit where codeset_version = ?",
                (rs, m) -> m.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                        .add(new CodeSetRows.AddOnEdit(rs.getString(1), rs.getString(2), rs.getInt(3))));
    }

    private interface TableReader<V> {
        void read(ResultSet rs, Map<String, V> into) throws SQLException;
    }

    /** One version of one small table, read whole on first use and kept (read-only) for every later check. */
    @SuppressWarnings("unchecked")
    private <V> Map<String, V> table(String name, CodeSetVersion version, String sql, TableReader<V> reader) {
        if (version == null) {
            return Map.of();
        }
        return (Map<String, V>) tables.computeIfAbsent(name + "@" + version.tag(), key -> {
            Map<String, V> rows = new HashMap<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, version.tag());
                ps.setFetchSize(5_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs, rows);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("code-set lookup failed", e);
            }
            return Map.copyOf(rows);
        });
    }

    private static List<CodeSetRows.PtpEdit> ptpEdits(Connection c, CodeSetVersion version, List<String[]> pairs) throws SQLException {
        List<CodeSetRows.PtpEdit> edits = new ArrayList<>();
        if (version == null || pairs.isEmpty()) {
            return edits;
        }
        try (PreparedStatement ps = c.prepareStatement(PTP_SQL)) {
            ps.setString(1, version.tag());
            ps.setArray(2, c.createArrayOf("varchar", pairs.stream().map(p -> p[0]).toArray()));
            ps.setArray(3, c.createArrayOf("varchar", pairs.stream().map(p -> p[1]).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    edits.add(new CodeSetRows.PtpEdit(rs.getString(1), rs.getString(2), rs.getObject(3, java.time.LocalDate.class),
                            rs.getString(4).charAt(0), rs.getString(5)));
                }
            }
        }
        return edits;
    }
}
