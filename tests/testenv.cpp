// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "testenv.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

namespace Qluster::Test {

QString apiCorpus()
{
    QString dir = qEnvironmentVariable("QLUSTER_API_CORPUS");
    if (dir.isEmpty())
        dir = QStringLiteral(QLUSTER_K8S_API_DIR);
    return QFileInfo::exists(dir + QStringLiteral("/README.md")) ? QFileInfo(dir).absoluteFilePath()
                                                                   : QString();
}

QString corpus(const QString &relative)
{
    return apiCorpus() + relative;
}

QJsonObject corpusJson(const QString &relative)
{
    QFile file(corpus(QLatin1Char('/') + relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString kubectl()
{
    const QString chosen = qEnvironmentVariable("QLUSTER_KUBECTL");
    if (!chosen.isEmpty())
        return QFileInfo(chosen).isExecutable() ? chosen : QString();
    return QStandardPaths::findExecutable(QStringLiteral("kubectl"));
}

QString nghttpx()
{
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("nghttpx"));
    return onPath.isEmpty()
        ? QStandardPaths::findExecutable(QStringLiteral("nghttpx"), {QStringLiteral("/usr/sbin")})
        : onPath;
}

bool requireAtStart(unsigned needs)
{
    QStringList missing;
    if ((needs & NeedsCorpus) && apiCorpus().isEmpty()) {
        missing << QStringLiteral("the Kubernetes API corpus (set QLUSTER_API_CORPUS to a folder "
                                  "like ../shared/k8s-api; looked in %1)")
                       .arg(qEnvironmentVariable("QLUSTER_API_CORPUS", QStringLiteral(QLUSTER_K8S_API_DIR)));
    }
    if ((needs & NeedsKubectl) && kubectl().isEmpty())
        missing << QStringLiteral("kubectl (set QLUSTER_KUBECTL, or put kubectl on PATH)");
    if ((needs & NeedsNghttpx) && nghttpx().isEmpty())
        missing << QStringLiteral("nghttpx (Debian's nghttp2-proxy, which tools/dev installs)");
    if (missing.isEmpty())
        return true;
    const bool ci = qEnvironmentVariable("CI") == QLatin1String("true");
    for (const QString &what : std::as_const(missing))
        std::printf("%s: this test needs %s\n", ci ? "FAIL" : "SKIPPED", qPrintable(what));
    if (ci)
        std::printf("FAIL: CI=true: CI must run every test, so a missing need fails the run\n");
    std::fflush(stdout);
    std::exit(ci ? 1 : 77);
}

} // namespace Qluster::Test
