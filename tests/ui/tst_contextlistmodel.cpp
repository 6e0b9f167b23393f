// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "config/kubeconfig.h"
#include "models/contextlistmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFont>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qluster;
using Qluster::Ui::ContextListModel;

class tst_ContextListModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void listsMergedContexts();
    void tooltipNamesClusterUserNamespace();
    void followsSwitchAndNamespaceWriteBack();
    void emptyKubeconfig();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Kubeconfig m_config;
};

namespace {
const char kFirst[] = "apiVersion: v1\nkind: Config\ncurrent-context: prod\n"
                      "clusters:\n- name: prod-cluster\n  cluster: {server: https://prod:6443}\n"
                      "- name: dev-cluster\n  cluster: {server: https://dev:6443}\n"
                      "users:\n- name: admin\n  user: {token: t}\n"
                      "contexts:\n- name: prod\n  context: {cluster: prod-cluster, user: admin, namespace: shop}\n"
                      "- name: dev\n  context: {cluster: dev-cluster, user: admin}\n";
const char kSecond[] = "apiVersion: v1\nkind: Config\ncurrent-context: other\n"
                       "contexts:\n- name: prod\n  context: {cluster: shadowed, user: nobody}\n"
                       "- name: anonymous\n  context: {cluster: dev-cluster}\n";

bool write(const QString &path, const char *text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) > 0;
}
} // namespace

void tst_ContextListModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(write(m_dir->filePath(QStringLiteral("a")), kFirst));
    QVERIFY(write(m_dir->filePath(QStringLiteral("b")), kSecond));
    auto config = Kubeconfig::loadFiles({m_dir->filePath(QStringLiteral("a")), m_dir->filePath(QStringLiteral("b"))});
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    m_config = *config;
}

void tst_ContextListModel::listsMergedContexts()
{
    ContextListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setKubeconfig(m_config);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.nameAt(0), QStringLiteral("anonymous"));
    QCOMPARE(model.nameAt(1), QStringLiteral("dev"));
    QCOMPARE(model.nameAt(2), QStringLiteral("prod"));
    const QModelIndex prod = model.index(model.rowOf(QStringLiteral("prod")));
    QCOMPARE(prod.data().toString(), QStringLiteral("prod"));
    QCOMPARE(prod.data(ContextListModel::ClusterRole).toString(), QStringLiteral("prod-cluster"));
    QCOMPARE(prod.data(ContextListModel::UserRole).toString(), QStringLiteral("admin"));
    QCOMPARE(prod.data(ContextListModel::NamespaceRole).toString(), QStringLiteral("shop"));
    QCOMPARE(prod.data(ContextListModel::ServerRole).toString(), QStringLiteral("https://prod:6443"));
    QVERIFY(prod.data(ContextListModel::IsCurrentRole).toBool());
    QVERIFY(prod.data(Qt::FontRole).value<QFont>().bold());
    const QModelIndex anonymous = model.index(0);
    QVERIFY(!anonymous.data(ContextListModel::IsCurrentRole).toBool());
    QVERIFY(!anonymous.data(Qt::FontRole).isValid());
    QCOMPARE(anonymous.data(ContextListModel::UserRole).toString(), QString());
    QCOMPARE(model.roleNames().value(ContextListModel::NamespaceRole), QByteArray("namespace"));
    QCOMPARE(model.rowOf(QStringLiteral("missing")), -1);
}

void tst_ContextListModel::tooltipNamesClusterUserNamespace()
{
    ContextListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKubeconfig(m_config);
    QCOMPARE(model.index(model.rowOf(QStringLiteral("prod"))).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Cluster: prod-cluster\nUser: admin\nNamespace: shop\nServer: https://prod:6443"));
    QCOMPARE(model.index(model.rowOf(QStringLiteral("anonymous"))).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Cluster: dev-cluster\nUser: (none)\nNamespace: default (not set)\n"
                            "Server: https://dev:6443"));
}

void tst_ContextListModel::followsSwitchAndNamespaceWriteBack()
{
    ContextListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKubeconfig(m_config);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setCurrentContext(QStringLiteral("dev"));
    QCOMPARE(changed.size(), 2);
    QVERIFY(model.index(model.rowOf(QStringLiteral("dev"))).data(ContextListModel::IsCurrentRole).toBool());
    QVERIFY(!model.index(model.rowOf(QStringLiteral("prod"))).data(ContextListModel::IsCurrentRole).toBool());

    // Written back to the files, reloaded: the model shows what kubectl would.
    auto switched = m_config.setCurrentContext(QStringLiteral("dev"));
    if (!switched)
        QFAIL(qPrintable(switched.error().toString()));
    auto ns = m_config.setContextNamespace(QStringLiteral("dev"), QStringLiteral("team-a"));
    if (!ns)
        QFAIL(qPrintable(ns.error().toString()));
    model.setKubeconfig(m_config);
    QCOMPARE(model.currentContext(), QStringLiteral("dev"));
    QCOMPARE(model.index(model.rowOf(QStringLiteral("dev"))).data(ContextListModel::NamespaceRole).toString(),
             QStringLiteral("team-a"));
}

void tst_ContextListModel::emptyKubeconfig()
{
    ContextListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKubeconfig(m_config);
    model.setKubeconfig(Kubeconfig());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.currentContext(), QString());
    QVERIFY(!model.index(0).isValid());
}

QTEST_MAIN(tst_ContextListModel)
#include "tst_contextlistmodel.moc"
