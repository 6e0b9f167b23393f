// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "views/objectoverview.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

using namespace Qluster;
using namespace Qluster::Ui;

class tst_ObjectOverview final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsMetadataLabelsOwnersConditions();
    void ownerLinkEmits();
};

namespace {

QJsonObject replicaSetPod()
{
    return QJsonDocument::fromJson(R"({
      "apiVersion": "v1", "kind": "Pod",
      "metadata": {
        "name": "web-7c9d-abcde", "namespace": "demo", "uid": "u-1", "resourceVersion": "42",
        "creationTimestamp": "2026-11-23T00:15:01Z",
        "labels": {"app": "web", "pod-template-hash": "7c9d"},
        "annotations": {"note": "<b>not html</b>", "kubectl.kubernetes.io/last-applied-configuration": "{}"},
        "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-7c9d", "uid": "u-0", "controller": true}]
      },
      "status": {"phase": "Running", "conditions": [
        {"type": "Ready", "status": "True", "lastTransitionTime": "2026-11-23T00:15:05Z"},
        {"type": "PodScheduled", "status": "True", "reason": "Scheduled"}]}
    })").object();
}

} // namespace

void tst_ObjectOverview::showsMetadataLabelsOwnersConditions()
{
    ObjectOverview overview;
    overview.setObject(ObjectSummary::fromObject(replicaSetPod()));
    const QString text = overview.text();
    QVERIFY2(text.contains(QLatin1String("Pod web-7c9d-abcde")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("demo")));
    QVERIFY(text.contains(QLatin1String("pod-template-hash")));
    QVERIFY(text.contains(QLatin1String("<b>not html</b>"))); // escaped, shown literally
    QVERIFY(!text.contains(QLatin1String("last-applied-configuration")));
    QVERIFY(text.contains(QLatin1String("ReplicaSet/web-7c9d (controller)")));
    QVERIFY(text.contains(QLatin1String("PodScheduled")));
    QVERIFY(text.contains(QLatin1String("Scheduled")));
    overview.setMessage(QStringLiteral("403 Forbidden"));
    QCOMPARE(overview.text().trimmed(), QStringLiteral("403 Forbidden"));
    QVERIFY(overview.object().meta.name.isEmpty());
}

void tst_ObjectOverview::ownerLinkEmits()
{
    ObjectOverview overview;
    overview.setObject(ObjectSummary::fromObject(replicaSetPod()));
    QSignalSpy owner(&overview, &ObjectOverview::ownerActivated);
    auto *browser = overview.findChild<QTextBrowser *>(QStringLiteral("overviewBrowser"));
    QVERIFY(browser);
    const QString html = browser->toHtml();
    const qsizetype start = html.indexOf(QLatin1String("owner:"));
    QVERIFY(start > 0);
    QString href = html.mid(start, html.indexOf(QLatin1Char('"'), start) - start);
    href.replace(QLatin1String("&amp;"), QLatin1String("&")); // as the browser decodes the attribute
    Q_EMIT browser->anchorClicked(QUrl(href));
    QCOMPARE(owner.size(), 1);
    QCOMPARE(owner.at(0).at(0).toString(), QStringLiteral("apps/v1"));
    QCOMPARE(owner.at(0).at(1).toString(), QStringLiteral("ReplicaSet"));
    QCOMPARE(owner.at(0).at(2).toString(), QStringLiteral("web-7c9d"));
}

QTEST_MAIN(tst_ObjectOverview)
#include "tst_objectoverview.moc"
