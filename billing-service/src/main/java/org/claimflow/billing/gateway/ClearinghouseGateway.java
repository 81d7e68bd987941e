package org.claimflow.billing.gateway;

import java.util.List;
import java.util.Optional;

/**
 * The way to the payers: sends 837P interchanges and fetches what comes back (999, 277CA, 835). Payers and
 * clearinghouses are outside Claimflow; adapters hide how a given one is reached (HTTP, a folder synced by
 * an SFTP agent, ...). Selected by {@code claimflow.clearinghouse.adapter}.
 */
public interface ClearinghouseGateway {

    /**
     * Delivers one interchange. Sending the same interchange again is safe: the clearinghouse recognises
     * its sender and control number and answers as the first time.
     *
     * @return the 999 when the clearinghouse answers at once, empty when it comes later as an inbound file
     * @throws ClearinghouseUnavailableException when delivery may not have happened; try again later
     * @throws ClearinghouseRefusedException     when the clearinghouse refused the file outright
     */
    Optional<String> submit(String interchangeControlNumber, String x12);

    /** Files waiting for us, oldest first. */
    List<InboundFile> inbound();

    /** The X12 text of an inbound file. */
    String read(InboundFile file);

    /** Tells the clearinghouse the file was handled, so it is not offered again. */
    void acknowledge(InboundFile file);
}
