package org.claimflow.sandbox.rest;

import org.claimflow.sandbox.fault.FaultMode;
import org.claimflow.sandbox.fault.FaultSwitch;

public record FaultSettingsResponse(FaultMode mode, long delayMillis) {

    static FaultSettingsResponse of(FaultSwitch.Setting setting) {
        return new FaultSettingsResponse(setting.mode(), setting.delayMillis());
    }
}
