package org.claimflow.sandbox.fault;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The fault currently injected into the X12 endpoints. Sandbox only. */
@ApplicationScoped
public class FaultSwitch {

    private static final Logger LOG = Logger.getLogger(FaultSwitch.class);

    /** Mode and delay together, so that a reader never sees one without the other. */
    public record Setting(FaultMode mode, long delayMillis) {
    }

    private volatile Setting current = new Setting(FaultMode.NONE, 0);

    public Setting current() {
        return current;
    }

    public Setting set(FaultMode mode, long delayMillis) {
        current = new Setting(mode, mode == FaultMode.SLOW ? delayMillis : 0);
        LOG.infof("Sandbox fault switch set to %s (delay %d ms)", current.mode(), current.delayMillis());
        return current;
    }

    /**
     * Called first by every X12 endpoint.
     *
     * @throws PayerUnavailableException when the switch is DOWN
     */
    public void apply() {
        Setting setting = current;
        switch (setting.mode()) {
            case DOWN -> throw new PayerUnavailableException();
            case SLOW -> sleep(setting.delayMillis());
            case NONE -> {
                // answer normally
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
