// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "api/labelselector.h"
#include "sandbox/fieldselector.h"
#include "sandbox/listoptions.h"
#include "sandbox/objectstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qluster;

namespace {
const Gvr pods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};

QJsonObject pod(const QString &ns, const QString &name, const QJsonObject &labels = {}, const QString &phase = QStringLiteral("Running"))
{
    return QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("namespace"), ns}, {QStringLiteral("name"), name}, {QStringLiteral("labels"), labels}}},
                       {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), phase}}}};
}

// "key@resourceVersion" of every object, in order: what a list of the collection would show.
QStringList contents(const ObjectStore::Objects &objects)
{
    QStringList out;
    for (const auto &[k, o] : objects)
        out << k + QLatin1Char('@') + o.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
    return out;
}

// The JSON inside a continue token.
QJsonObject tokenJson(const QString &token)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding
                                                                                | QByteArray::OmitTrailingEquals))
        .object();
}

QString encodeJson(const QByteArray &json)
{
    return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

class tst_SandboxStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void putStampsGlobalResourceVersion()
    {
        ObjectStore store;
        const QJsonObject a = store.put(pods, pod(QStringLiteral("a"), QStringLiteral("x")));
        const QJsonObject b = store.put(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")}, pod(QStringLiteral("a"), QStringLiteral("y")));
        QCOMPARE(a.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString(), QStringLiteral("1"));
        QCOMPARE(b.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString(), QStringLiteral("2"));
        QCOMPARE(store.resourceVersion(), 2);
        QVERIFY(store.get(pods, QStringLiteral("a"), QStringLiteral("x")));
        QVERIFY(!store.get(pods, QStringLiteral("b"), QStringLiteral("x")));
    }

    void objectsAreSortedByNamespaceThenName()
    {
        ObjectStore store;
        for (const char *k : {"b/z", "a/y", "a-b/x", "a/a"}) {
            const QString key = QLatin1String(k);
            store.put(pods, pod(key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1)));
        }
        QStringList keys;
        for (const auto &[k, o] : store.objects(pods))
            keys << k;
        QCOMPARE(keys, (QStringList{QStringLiteral("a-b/x"), QStringLiteral("a/a"), QStringLiteral("a/y"), QStringLiteral("b/z")}));
    }

    void watchersSeeEveryEventInOrder()
    {
        ObjectStore store;
        QStringList seen;
        const int id = store.addWatcher(pods, [&](const WatchEvent &e) {
            seen << WatchEvent::typeName(e.type) + QLatin1Char(':') + QString::number(e.resourceVersion);
        });
        store.put(pods, pod(QStringLiteral("a"), QStringLiteral("x")));
        store.put(pods, pod(QStringLiteral("a"), QStringLiteral("x"), {}, QStringLiteral("Succeeded")));
        QVERIFY(store.remove(pods, QStringLiteral("a"), QStringLiteral("x")));
        QVERIFY(!store.remove(pods, QStringLiteral("a"), QStringLiteral("x")));
        store.removeWatcher(id);
        store.put(pods, pod(QStringLiteral("a"), QStringLiteral("y")));
        QCOMPARE(seen, (QStringList{QStringLiteral("ADDED:1"), QStringLiteral("MODIFIED:2"), QStringLiteral("DELETED:3")}));
    }

    void eventsSinceWithinWindow()
    {
        ObjectStore store(3);
        for (int i = 0; i < 5; ++i)
            store.put(pods, pod(QStringLiteral("a"), QStringLiteral("p%1").arg(i)));
        // rv 1..5 written; the window keeps 3..5, so from rv 2 on everything is still known.
        auto events = store.eventsSince(pods, 2);
        if (!events)
            QFAIL(qPrintable(events.error().toString()));
        QCOMPARE(events->size(), size_t(3));
        QCOMPARE(events->front().resourceVersion, 3);
        events = store.eventsSince(pods, 5);
        QVERIFY(events && events->empty());
    }

    void eventsSinceTooOldIsExpired()
    {
        ObjectStore store(3);
        for (int i = 0; i < 5; ++i)
            store.put(pods, pod(QStringLiteral("a"), QStringLiteral("p%1").arg(i)));
        const auto events = store.eventsSince(pods, 1);
        QVERIFY(!events);
        QCOMPARE(events.error().httpStatus, 410);
        QCOMPARE(events.error().reason, QStringLiteral("Expired"));
    }

    void dropCollectionDeletesAll()
    {
        ObjectStore store;
        store.put(pods, pod(QStringLiteral("a"), QStringLiteral("x")));
        store.put(pods, pod(QStringLiteral("b"), QStringLiteral("y")));
        int deleted = 0;
        store.addWatcher(pods, [&](const WatchEvent &e) { deleted += e.type == WatchEvent::Type::Deleted; });
        store.dropCollection(pods);
        QCOMPARE(deleted, 2);
        QCOMPARE(store.count(pods), 0);
    }

    void snapshotIsFrozenAndCopiedOnceOnWrite()
    {
        ObjectStore store;
        for (const char *name : {"a", "b", "c"})
            store.put(pods, pod(QStringLiteral("ns"), QLatin1String(name)));
        const QStringList before = contents(store.objects(pods));

        const ObjectStore::Snapshot snapshot = store.snapshot(pods);
        // Taking it copies nothing: it shares the collection's map.
        QCOMPARE(snapshot.objects.get(), &store.objects(pods));
        QCOMPARE(snapshot.resourceVersion, 3);
        QCOMPARE(snapshot.count(QString()), 3);
        QCOMPARE(snapshot.count(QStringLiteral("ns")), 3);

        store.put(pods, pod(QStringLiteral("ns"), QStringLiteral("d")));
        const ObjectStore::Objects *detached = &store.objects(pods);
        QVERIFY(detached != snapshot.objects.get());
        store.put(pods, pod(QStringLiteral("ns"), QStringLiteral("a"), {{QStringLiteral("x"), QStringLiteral("y")}}));
        QVERIFY(store.remove(pods, QStringLiteral("ns"), QStringLiteral("b")));
        // Only the first write after the snapshot copied the collection.
        QCOMPARE(&store.objects(pods), detached);

        QCOMPARE(contents(*snapshot.objects), before);
        QCOMPARE(snapshot.count(QStringLiteral("ns")), 3);
        QCOMPARE(contents(store.objects(pods)),
                 (QStringList{QStringLiteral("ns/a@5"), QStringLiteral("ns/c@3"), QStringLiteral("ns/d@4")}));
        QCOMPARE(store.countInNamespace(pods, QStringLiteral("ns")), 3);
    }

    void snapshotAtServesRetainedUnchangedAndRebuiltVersions()
    {
        ObjectStore store;
        store.put(pods, pod(QStringLiteral("a"), QStringLiteral("x")));
        store.put(pods, pod(QStringLiteral("b"), QStringLiteral("y")));
        store.put(pods, pod(QStringLiteral("b"), QStringLiteral("z")));
        const QStringList atThree = contents(store.objects(pods));

        // Unchanged since: the current collection, even without a retained snapshot.
        auto at = store.snapshotAt(pods, 3);
        QVERIFY(at);
        QCOMPARE(at->objects.get(), &store.objects(pods));
        QCOMPARE(at->resourceVersion, 3);

        // A write to another collection does not change this one's state at 3.
        store.put(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")}, pod(QStringLiteral("a"), QStringLiteral("cm")));
        at = store.snapshotAt(pods, 4);
        QVERIFY(at);
        QCOMPARE(contents(*at->objects), atThree);

        store.retainSnapshot(store.snapshot(pods));
        QVERIFY(store.isSnapshotRetained(pods, 4));
        store.put(pods, pod(QStringLiteral("a"), QStringLiteral("new")));                 // 5 added
        store.put(pods, pod(QStringLiteral("a"), QStringLiteral("x"), {{QStringLiteral("k"), QStringLiteral("v")}})); // 6 modified
        QVERIFY(store.remove(pods, QStringLiteral("b"), QStringLiteral("y")));         // 7 deleted

        at = store.snapshotAt(pods, 4);
        QVERIFY(at);
        QCOMPARE(contents(*at->objects), atThree);
        // The retained snapshot is the same frozen map, not a rebuilt one.
        const ObjectStore::Objects *retained = at->objects.get();
        QCOMPARE(store.snapshotAt(pods, 4)->objects.get(), retained);

        // Forgotten: rebuilt from the event window by undoing the newer events.
        store.releaseSnapshot(pods, 4);
        QVERIFY(!store.isSnapshotRetained(pods, 4));
        at = store.snapshotAt(pods, 4);
        QVERIFY(at);
        QCOMPARE(contents(*at->objects), atThree);
        QCOMPARE(at->count(QStringLiteral("a")), 1);
        QCOMPARE(at->count(QStringLiteral("b")), 2);
        // And at a version in between: after the add (5), before the modification (6).
        at = store.snapshotAt(pods, 5);
        QVERIFY(at);
        QCOMPARE(contents(*at->objects), (QStringList{QStringLiteral("a/new@5"), QStringLiteral("a/x@1"),
                                                      QStringLiteral("b/y@2"), QStringLiteral("b/z@3")}));
        QCOMPARE(at->count(QStringLiteral("a")), 2);
        // The current collection was not touched by the rebuilds.
        QCOMPARE(contents(store.objects(pods)), (QStringList{QStringLiteral("a/new@5"), QStringLiteral("a/x@6"),
                                                             QStringLiteral("b/z@3")}));
    }

    void snapshotAtOutsideTheHistoryFails()
    {
        ObjectStore store(2);
        for (int i = 0; i < 5; ++i)
            store.put(pods, pod(QStringLiteral("a"), QStringLiteral("p%1").arg(i)));
        // The window holds rv 4 and 5: the state at 3 can be rebuilt, at 2 it cannot.
        QVERIFY(store.snapshotAt(pods, 3));
        auto at = store.snapshotAt(pods, 2);
        QVERIFY(!at);
        QCOMPARE(at.error().httpStatus, 410);
        QCOMPARE(at.error().reason, QStringLiteral("Expired"));
        QCOMPARE(at.error().message, QStringLiteral("The resourceVersion for the provided list is too old."));
        // A retained snapshot outlives the window...
        store.retainSnapshot(store.snapshot(pods));
        for (int i = 0; i < 5; ++i)
            store.put(pods, pod(QStringLiteral("b"), QStringLiteral("p%1").arg(i)));
        at = store.snapshotAt(pods, 5);
        QVERIFY(at);
        QCOMPARE(at->count(QString()), 5);
        // ...but not a compaction past it.
        store.compact(store.resourceVersion());
        QCOMPARE(store.compactedResourceVersion(), 10);
        QCOMPARE(store.retainedSnapshots(), 0);
        at = store.snapshotAt(pods, 5);
        QVERIFY(!at);
        QCOMPARE(at.error().httpStatus, 410);
        // The compacted version itself stays readable; the future is not.
        QVERIFY(store.snapshotAt(pods, 10));
        at = store.snapshotAt(pods, 11);
        QVERIFY(!at);
        QCOMPARE(at.error().kind, Error::Kind::Invalid);
        // Compaction never goes back.
        store.compact(3);
        QCOMPARE(store.compactedResourceVersion(), 10);
    }

    void retainedSnapshotsAreCountedAndBounded()
    {
        ObjectStore store;
        store.setSnapshotLimit(2);
        store.put(pods, pod(QStringLiteral("a"), QStringLiteral("x")));
        const ObjectStore::Snapshot one = store.snapshot(pods);
        store.retainSnapshot(one);
        store.retainSnapshot(one); // a second list at the same version
        store.releaseSnapshot(pods, one.resourceVersion);
        QVERIFY(store.isSnapshotRetained(pods, one.resourceVersion));
        store.releaseSnapshot(pods, one.resourceVersion);
        QVERIFY(!store.isSnapshotRetained(pods, one.resourceVersion));

        for (int i = 0; i < 3; ++i) {
            store.put(pods, pod(QStringLiteral("a"), QStringLiteral("p%1").arg(i)));
            store.retainSnapshot(store.snapshot(pods));
            if (i == 0)
                QVERIFY(store.snapshotAt(pods, 2)); // used again: no longer the least recent
            if (i == 1)
                QVERIFY(store.snapshotAt(pods, 2));
        }
        QCOMPARE(store.retainedSnapshots(), 2);
        QVERIFY(store.isSnapshotRetained(pods, 2));
        QVERIFY(!store.isSnapshotRetained(pods, 3));
        QVERIFY(store.isSnapshotRetained(pods, 4));
    }

    void continueTokenRoundTrip()
    {
        ContinueToken token;
        token.resourceVersion = 356;
        token.start = QStringLiteral("cfg-2") + QChar(0);
        const QString text = token.encode();
        // The apiserver's shape: base64url without padding of {"v","rv","start"}.
        QVERIFY(!text.contains(QLatin1Char('=')));
        const QJsonObject json = tokenJson(text);
        QCOMPARE(json.value(QLatin1String("v")).toString(), QStringLiteral("meta.k8s.io/v1"));
        QCOMPARE(json.value(QLatin1String("rv")).toInteger(), 356);
        QCOMPARE(json.value(QLatin1String("start")).toString(), token.start);
        QVERIFY(!json.contains(QLatin1String("offset")));
        auto decoded = ContinueToken::decode(text);
        QVERIFY(decoded);
        QCOMPARE(decoded->resourceVersion, 356);
        QCOMPARE(decoded->start, token.start);
        QCOMPARE(decoded->offset, -1);

        // A real v1.22 apiserver's token decodes too.
        decoded = ContinueToken::decode(QStringLiteral("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MzU2LCJzdGFydCI6ImNmZy0yXHUwMDAwIn0"));
        QVERIFY(decoded);
        QCOMPARE(decoded->start, token.start);

        token.resourceVersion = -1;
        token.offset = 7;
        decoded = ContinueToken::decode(token.encode());
        QVERIFY(decoded);
        QCOMPARE(decoded->resourceVersion, -1);
        QCOMPARE(decoded->offset, 7);
    }

    void continueTokenErrors_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("message");
        QTest::newRow("not base64") << QStringLiteral("ab$d")
                                    << QStringLiteral("continue key is not valid: illegal base64 data at input byte 2");
        QTest::newRow("padding") << QStringLiteral("YQ==")
                                 << QStringLiteral("continue key is not valid: illegal base64 data at input byte 2");
        QTest::newRow("other version") << encodeJson(R"({"v":"meta.k8s.io/v2","rv":1,"start":"a"})")
                                       << QStringLiteral("continue key is not valid: server does not recognize this encoded version meta.k8s.io/v2");
        QTest::newRow("no rv") << encodeJson(R"({"v":"meta.k8s.io/v1","start":"a"})")
                               << QStringLiteral("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        QTest::newRow("no start") << encodeJson(R"({"v":"meta.k8s.io/v1","rv":5})")
                                  << QStringLiteral("continue key is not valid: encoded start key empty (version meta.k8s.io/v1)");
        QTest::newRow("path traversal") << encodeJson(R"({"v":"meta.k8s.io/v1","rv":5,"start":"../secrets/x"})")
                                        << QStringLiteral("continue key is not valid: ../secrets/x");
    }

    void continueTokenErrors()
    {
        QFETCH(QString, token);
        QFETCH(QString, message);
        const auto decoded = ContinueToken::decode(token);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().message, message);
        // Text that is not even JSON fails too, naming the same problem.
        QVERIFY(!ContinueToken::decode(encodeJson("not json")));
    }

    void listRead_data()
    {
        QTest::addColumn<QString>("resourceVersion");
        QTest::addColumn<QString>("match");
        QTest::addColumn<QString>("continueToken");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<int>("code");           // 0: accepted
        QTest::addColumn<QString>("message");    // the Status message, or the source when accepted
        ContinueToken token;
        token.resourceVersion = 9;
        token.start = QStringLiteral("a");
        const QString t = token.encode();
        QTest::newRow("latest") << QString() << QString() << QString() << qint64(2) << 0 << QStringLiteral("latest");
        QTest::newRow("any: watch cache ignores limit") << QStringLiteral("0") << QString() << QString() << qint64(2) << 0 << QStringLiteral("latest cache");
        QTest::newRow("legacy rv with limit is exact") << QStringLiteral("7") << QString() << QString() << qint64(2) << 0 << QStringLiteral("exact 7");
        QTest::newRow("legacy rv without limit") << QStringLiteral("7") << QString() << QString() << qint64(0) << 0 << QStringLiteral("latest cache >=7");
        QTest::newRow("not older than with limit") << QStringLiteral("7") << QStringLiteral("NotOlderThan") << QString() << qint64(2) << 0 << QStringLiteral("latest >=7");
        QTest::newRow("exact") << QStringLiteral("7") << QStringLiteral("Exact") << QString() << qint64(0) << 0 << QStringLiteral("exact 7");
        QTest::newRow("continue") << QString() << QString() << t << qint64(2) << 0 << QStringLiteral("continue 9");
        QTest::newRow("continue with rv 0") << QStringLiteral("0") << QString() << t << qint64(2) << 0 << QStringLiteral("continue 9");
        QTest::newRow("match without rv") << QString() << QStringLiteral("Exact") << QString() << qint64(0) << 422
            << QStringLiteral("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided");
        QTest::newRow("match with continue") << QStringLiteral("0") << QStringLiteral("NotOlderThan") << t << qint64(0) << 422
            << QStringLiteral("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided");
        QTest::newRow("unknown match") << QStringLiteral("5") << QStringLiteral("Newest") << QString() << qint64(0) << 422
            << QStringLiteral("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Unsupported value: \"Newest\": supported values: \"Exact\", \"NotOlderThan\", \"\"");
        QTest::newRow("exact 0") << QStringLiteral("0") << QStringLiteral("Exact") << QString() << qint64(0) << 422
            << QStringLiteral("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"");
        QTest::newRow("two errors") << QString() << QStringLiteral("Newest") << QString() << qint64(0) << 422
            << QStringLiteral("ListOptions.meta.k8s.io \"\" is invalid: [resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided, resourceVersionMatch: Unsupported value: \"Newest\": supported values: \"Exact\", \"NotOlderThan\", \"\"]");
        QTest::newRow("rv with continue") << QStringLiteral("5") << QString() << t << qint64(2) << 400
            << QStringLiteral("specifying resource version is not allowed when using continue");
        QTest::newRow("rv not a number") << QStringLiteral("abc") << QString() << QString() << qint64(0) << 400
            << QStringLiteral("invalid resource version: resourceVersion: Invalid value: \"abc\": strconv.ParseUint: parsing \"abc\": invalid syntax");
        QTest::newRow("rv out of range") << QStringLiteral("99999999999999999999") << QString() << QString() << qint64(0) << 400
            << QStringLiteral("invalid resource version: resourceVersion: Invalid value: \"99999999999999999999\": strconv.ParseUint: parsing \"99999999999999999999\": value out of range");
        QTest::newRow("bad token") << QString() << QString() << QStringLiteral("garbage!") << qint64(2) << 400
            << QStringLiteral("invalid continue token: continue key is not valid: illegal base64 data at input byte 7");
    }

    void listRead()
    {
        QFETCH(QString, resourceVersion);
        QFETCH(QString, match);
        QFETCH(QString, continueToken);
        QFETCH(qint64, limit);
        QFETCH(int, code);
        QFETCH(QString, message);
        const auto read = ListRead::parse(resourceVersion, match, continueToken, limit);
        if (code != 0) {
            QVERIFY(!read);
            QCOMPARE(read.error().value(QLatin1String("code")).toInt(), code);
            QCOMPARE(read.error().value(QLatin1String("message")).toString(), message);
            if (code == 422) {
                const QJsonObject details = read.error().value(QLatin1String("details")).toObject();
                QCOMPARE(details.value(QLatin1String("kind")).toString(), QStringLiteral("ListOptions"));
                QCOMPARE(details.value(QLatin1String("group")).toString(), QStringLiteral("meta.k8s.io"));
                QCOMPARE(details.value(QLatin1String("causes")).toArray().first().toObject().value(QLatin1String("field")).toString(),
                         QStringLiteral("resourceVersionMatch"));
            }
            return;
        }
        QVERIFY(read);
        QString what;
        switch (read->source) {
        case ListRead::Source::Latest:
            what = QStringLiteral("latest");
            break;
        case ListRead::Source::Exact:
            what = QStringLiteral("exact %1").arg(read->resourceVersion);
            break;
        case ListRead::Source::Continue:
            what = QStringLiteral("continue %1").arg(read->token.resourceVersion);
            break;
        }
        if (read->fromWatchCache)
            what += QStringLiteral(" cache");
        if (read->minimumResourceVersion > 0)
            what += QStringLiteral(" >=%1").arg(read->minimumResourceVersion);
        QCOMPARE(what, message);
    }

    void labelSelector_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("matches");
        // labels under test: app=web, tier=front
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("equals") << QStringLiteral("app=web") << true;
        QTest::newRow("double equals") << QStringLiteral("app==web") << true;
        QTest::newRow("not equals") << QStringLiteral("app!=web") << false;
        QTest::newRow("not equals missing") << QStringLiteral("env!=prod") << true;
        QTest::newRow("in") << QStringLiteral("tier in (back, front)") << true;
        QTest::newRow("notin") << QStringLiteral("tier notin (front)") << false;
        QTest::newRow("exists") << QStringLiteral("tier") << true;
        QTest::newRow("does not exist") << QStringLiteral("!tier") << false;
        QTest::newRow("does not exist missing") << QStringLiteral("!env") << true;
        QTest::newRow("and") << QStringLiteral("app=web,tier in (front),!env") << true;
        QTest::newRow("and fails") << QStringLiteral("app=web,tier=back") << false;
    }

    void labelSelector()
    {
        QFETCH(QString, selector);
        QFETCH(bool, matches);
        const auto parsed = LabelSelector::parse(selector);
        if (!parsed)
            QFAIL(qPrintable(parsed.error().toString()));
        QCOMPARE(parsed->matches(QJsonObject{{QStringLiteral("app"), QStringLiteral("web")}, {QStringLiteral("tier"), QStringLiteral("front")}}), matches);
    }

    void labelSelectorRejectsGarbage()
    {
        QVERIFY(!LabelSelector::parse(QStringLiteral("a=b=c")));
        QVERIFY(!LabelSelector::parse(QStringLiteral("app=web,,")));
        QVERIFY(!LabelSelector::parse(QStringLiteral("in (a)")));
    }

    void fieldSelector_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("matches");
        QTest::newRow("name") << QStringLiteral("metadata.name=x") << true << true;
        QTest::newRow("namespace not") << QStringLiteral("metadata.namespace!=a") << true << false;
        QTest::newRow("phase") << QStringLiteral("status.phase==Running") << true << true;
        QTest::newRow("phase other") << QStringLiteral("status.phase=Pending") << true << false;
        QTest::newRow("unsupported field") << QStringLiteral("spec.foo=bar") << false << false;
        QTest::newRow("no operator") << QStringLiteral("metadata.name") << false << false;
    }

    void fieldSelector()
    {
        QFETCH(QString, selector);
        QFETCH(bool, valid);
        QFETCH(bool, matches);
        const auto parsed = FieldSelector::parse(selector, QStringLiteral("Pod"));
        QCOMPARE(bool(parsed), valid);
        if (parsed)
            QCOMPARE(parsed->matches(pod(QStringLiteral("a"), QStringLiteral("x"))), matches);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxStore)
#include "tst_sandboxstore.moc"
