package io.egress.enrich.internal.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed JSON value. Objects keep the member order of the text; a repeated name keeps its last value. */
public sealed interface Json permits Json.Obj, Json.Arr, Json.Str, Json.Num, Json.Bool, Json.Null {

    record Obj(Map<String, Json> members) implements Json {
        public Optional<Json> get(String name) {
            return Optional.ofNullable(members.get(name));
        }

        /** The member as a string if it is one. */
        public Optional<String> string(String name) {
            return get(name).filter(Str.class::isInstance).map(j -> ((Str) j).value());
        }

        public Optional<Obj> object(String name) {
            return get(name).filter(Obj.class::isInstance).map(Obj.class::cast);
        }

        /** The member as an array; absent or another type gives an empty list. */
        public List<Json> array(String name) {
            return get(name).filter(Arr.class::isInstance).map(j -> ((Arr) j).items()).orElse(List.of());
        }

        public Optional<BigDecimal> number(String name) {
            return get(name).filter(Num.class::isInstance).map(j -> ((Num) j).value());
        }
    }

    record Arr(List<Json> items) implements Json {
    }

    record Str(String value) implements Json {
    }

    record Num(BigDecimal value) implements Json {
    }

    record Bool(boolean value) implements Json {
    }

    enum Null implements Json {
        INSTANCE
    }
}
