package org.claimflow.coding.config;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Money leaves as a decimal string with at least two places ("150.00"), never as a JSON number a client
 * could read as a double. A whole number (units, pointers, counts) must be sent as one.
 */
@Singleton
public class JacksonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule money = new SimpleModule("claimflow-money");
        money.addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString((value.scale() < 2 ? value.setScale(2) : value).toPlainString());
            }
        });
        mapper.registerModule(money);
        // A count such as units or a diagnosis pointer given as 1.5 is refused (400), not silently truncated to 1.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
