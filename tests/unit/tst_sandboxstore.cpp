// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandbox/labelselector.h"
#include "sandbox/fieldselector.h"
#include "sandbox/objectstore.h"

#include <QJsonArray>
#include <QTest>

using namespace Qluster;

namespace {
const Gvr pods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};

QJsonObject pod(const QString &ns, const QString &name, const QJsonObject &labels = {}, const QString &phase = QStringLiteral("Running"))
{
    return QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("namespace"), ns}, {QStringLiteral("name"), name}, {QStringLiteral("labels"), labels}}},
                       {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), phase}}}};
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
