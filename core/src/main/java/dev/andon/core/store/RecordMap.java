package dev.andon.core.store;

import org.mapdb.BTreeMap;
import org.mapdb.Serializer;
import org.mapdb.Store;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Records of one type by a numeric id: each record is its own entry in the store, found through an ordered index
 * from id to its place, and a change rewrites it in place. A MapDB tree with values outside its nodes keeps values
 * the same way, but its {@code put} reads and decodes the old value to return it; for a 5 KB alert that cost as much
 * as encoding the new one, on every repeat, transition and incident join, on the one committing thread. Changes join
 * the caller's write (see {@link AndonDatabase#write}) and roll back with it.
 */
final class RecordMap<V> {
    private final Store store;
    private final BTreeMap<Long, Long> places;
    private final Serializer<V> codec;

    RecordMap(Store store, BTreeMap<Long, Long> places, Serializer<V> codec) {
        this.store = store;
        this.places = places;
        this.codec = codec;
    }

    V get(long id) {
        Long place = places.get(id);
        return place == null ? null : store.get(place, codec);
    }

    /** Stores {@code value} under {@code id}: a new record, or the old one rewritten without reading it. */
    void put(long id, V value) {
        Long place = places.get(id);
        if (place == null) {
            places.put(id, store.put(value, codec));
        } else {
            store.update(place, value, codec);
        }
    }

    /**
     * Stores a record under an id handed out for it (intake's inserts): no lookup first. Should the id be taken after
     * all, the record it pointed to is freed, so nothing is left unreachable.
     */
    void insert(long id, V value) {
        Long old = places.put(id, store.put(value, codec));
        if (old != null) {
            store.delete(old, codec);
        }
    }

    long size() {
        return places.sizeLong();
    }

    /** Records with an id below {@code below}, highest id first, each decoded only when the iteration reaches it. */
    Iterable<Map.Entry<Long, V>> descendingBelow(long below) {
        return () -> new Iterator<>() {
            private final Iterator<Map.Entry<Long, Long>> it = places.headMap(below, false).descendingMap().entrySet().iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Map.Entry<Long, V> next() {
                Map.Entry<Long, Long> e = it.next();
                return new AbstractMap.SimpleImmutableEntry<>(e.getKey(), store.get(e.getValue(), codec));
            }
        };
    }
}
