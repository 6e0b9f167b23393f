// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "api/gvr.h"

#include <QTest>

using namespace Qluster;

class tst_Gvr final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupVersion();
    void fromApiVersion();
    void hashAndOrder();
};

void tst_Gvr::groupVersion()
{
    QCOMPARE((Gvr {{}, QStringLiteral("v1"), QStringLiteral("pods")}).groupVersion(),
        QStringLiteral("v1"));
    const Gvr deployments {
        QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")};
    QCOMPARE(deployments.groupVersion(), QStringLiteral("apps/v1"));
    QCOMPARE(deployments.toString(), QStringLiteral("deployments.v1.apps"));
    QCOMPARE((Gvr {{}, QStringLiteral("v1"), QStringLiteral("pods")}).toString(),
        QStringLiteral("pods.v1"));
}

void tst_Gvr::fromApiVersion()
{
    QCOMPARE(Gvk::fromApiVersion(QStringLiteral("apps/v1"), QStringLiteral("Deployment")),
        (Gvk {QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment")}));
    QCOMPARE(Gvk::fromApiVersion(QStringLiteral("v1"), QStringLiteral("Pod")),
        (Gvk {QString(), QStringLiteral("v1"), QStringLiteral("Pod")}));
    QCOMPARE(Gvk::fromApiVersion(QStringLiteral("v1"), QStringLiteral("Pod")).groupVersion(),
        QStringLiteral("v1"));
}

void tst_Gvr::hashAndOrder()
{
    const Gvr a {QString(), QStringLiteral("v1"), QStringLiteral("pods")};
    const Gvr b {QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("pods")};
    QVERIFY(a != b);
    QVERIFY(a < b);
    QVERIFY(qHash(a) != qHash(b));
}

QTEST_GUILESS_MAIN(tst_Gvr)
#include "tst_gvr.moc"
