package dev.andon.core.store;

import org.mapdb.BTreeMap;

import java.util.Map;

/** An ordered log of JSON documents by sequence number; keeps MapDB's map type inside the store package. */
public final class KeyedJsonLog {
    private final BTreeMap<Long, String> map;

    KeyedJsonLog(BTreeMap<Long, String> map) {
        this.map = map;
    }

    public void put(long seq, String doc) {
        map.put(seq, doc);
    }

    public Iterable<String> descending() {
        return map.descendingMap().values();
    }

    public Iterable<Map.Entry<Long, String>> ascending() {
        return map.entrySet();
    }
}
