package org.claimflow.coding.codeset;

import java.sql.Array;
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
 * Reads the code-set rows one encounter needs: one indexed query per table, every code of the encounter at
 * once (the PTP query asks for all its code pairs in one {@code (column1, column2) in (…)}).
 */
@ApplicationScoped
public class CodeSetRepository {

    /** Every PTP edit among the encounter's code pairs, in one indexed query (see CodeSetLookupPlanTest). */
    static final String PTP_SQL = "select column1, column2, deletion_date, modifier_indicator, rationale from ncci_ptp_edit "
            + "where codeset_version = ? and (column1, column2) in (select * from unnest(?::varchar[], ?::varchar[]))";

    private final AgroalDataSource dataSource;

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
        try (Connection c = dataSource.getConnection()) {
            Map<String, CodeSetRows.IcdCode> icd = new HashMap<>();
            query(c, versions.get(CodeSet.ICD10CM), "select code, billable, description from icd10cm_code where codeset_version = ? and code = any(?)",
                    dx, rs -> icd.put(rs.getString(1), new CodeSetRows.IcdCode(rs.getString(1), rs.getBoolean(2), rs.getString(3))));
            Map<String, List<CodeSetRows.MceEdit>> mce = new HashMap<>();
            query(c, versions.get(CodeSet.MCE), "select code, edit_group, rule, age_min, age_max, sex from mce_edit where codeset_version = ? and code = any(?)",
                    dx, rs -> mce.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CodeSetRows.MceEdit(rs.getString(1),
                            rs.getString(2), rs.getString(3), (Integer) rs.getObject(4), (Integer) rs.getObject(5), rs.getString(6))));
            Map<String, CodeSetRows.HcpcsCode> hcpcs = new HashMap<>();
            query(c, versions.get(CodeSet.HCPCS), "select code, date_added, date_term from hcpcs_code where codeset_version = ? and code = any(?)",
                    procedures, rs -> hcpcs.put(rs.getString(1), new CodeSetRows.HcpcsCode(rs.getString(1),
                            rs.getObject(2, java.time.LocalDate.class), rs.getObject(3, java.time.LocalDate.class))));
            Set<String> knownModifiers = new HashSet<>();
            query(c, versions.get(CodeSet.MODIFIERS), "select code from modifier_code where codeset_version = ? and code = any(?)",
                    modifiers, rs -> knownModifiers.add(rs.getString(1)));
            Set<String> pos = new HashSet<>();
            query(c, versions.get(CodeSet.POS), "select code from pos_code where codeset_version = ? and code = any(?)",
                    Set.of(encounter.placeOfService()), rs -> pos.add(rs.getString(1)));
            Map<String, CodeSetRows.Mue> mues = new HashMap<>();
            query(c, versions.get(CodeSet.NCCI_MUE), "select code, mue_units, mai, rationale from ncci_mue where codeset_version = ? and code = any(?)",
                    procedures, rs -> mues.put(rs.getString(1), new CodeSetRows.Mue(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4))));
            Map<String, List<CodeSetRows.AddOnEdit>> addOns = new HashMap<>();
            query(c, versions.get(CodeSet.NCCI_AOC), "select primary_code, add_on_code, edit_type from ncci_addon_edit where codeset_version = ? and add_on_code = any(?)",
                    procedures, rs -> addOns.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new CodeSetRows.AddOnEdit(rs.getString(1), rs.getString(2), rs.getInt(3))));
            List<CodeSetRows.PtpEdit> ptp = ptpEdits(c, versions.get(CodeSet.NCCI_PTP), NcciPtpPolicy.pairsToLookUp(encounter));
            return new CodeSetRows(Map.copyOf(versions), icd, mce, hcpcs, knownModifiers, pos, ptp, mues, addOns);
        } catch (SQLException e) {
            throw new IllegalStateException("code-set lookup failed", e);
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, CodeSetVersion version, String sql, Set<String> codes, RowReader reader) throws SQLException {
        if (version == null || codes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, version.tag());
            Array array = c.createArrayOf("varchar", codes.toArray());
            ps.setArray(2, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
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
