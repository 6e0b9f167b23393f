// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Shared by the kubectl integration tests: a SandboxServer on its own thread, a kubeconfig for
// it in a temporary directory, and a helper that runs real kubectl against it with a timeout.

#include "sandbox/sandboxserver.h"
#include "testenv.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct KubectlResult
{
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

class SandboxFixture
{
public:
    explicit SandboxFixture(Qluster::SandboxOptions options = {})
        : m_thread(std::make_unique<Qluster::SandboxThread>(options))
    {
        if (auto started = m_thread->start(); !started)
            m_error = started.error().toString();
        else
            m_thread->invoke([this](Qluster::SandboxServer &s) {
                if (auto w = s.writeKubeconfig(kubeconfig()); !w)
                    m_error = w.error().toString();
            });
    }

    QString error() const { return m_error; }
    QString kubeconfig() const { return m_dir.filePath(QStringLiteral("kubeconfig")); }
    QString cacheDir() const { return m_dir.filePath(QStringLiteral("kube-cache")); }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }
    Qluster::SandboxThread &sandbox() { return *m_thread; }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfig());
        env.insert(QStringLiteral("HOME"), m_dir.path());
        return env;
    }

    QStringList arguments(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--cache-dir=") + cacheDir()} + args;
    }

    /// Runs kubectl to completion (killed after timeoutMs).
    KubectlResult kubectl(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 30000) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(Qluster::Test::kubectl(), arguments(args));
        KubectlResult r;
        if (!p.waitForStarted(10000)) {
            r.err = QStringLiteral("kubectl did not start");
            return r;
        }
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        r.finished = p.waitForFinished(timeoutMs);
        if (!r.finished) {
            p.kill();
            p.waitForFinished(5000);
        }
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    /// Creates an object in the sandbox as the system would (not through kubectl).
    QJsonObject create(const QJsonObject &object)
    {
        QJsonObject result;
        m_thread->invoke([&](Qluster::SandboxServer &s) {
            auto r = s.createObject(object);
            if (r)
                result = *r;
        });
        return result;
    }

    /// The stored object (empty when there is none), read in the sandbox's thread.
    QJsonObject object(const Qluster::Gvr &gvr, const QString &namespaceName, const QString &name)
    {
        QJsonObject result;
        m_thread->invoke([&](Qluster::SandboxServer &s) {
            if (const QJsonObject *o = s.store().get(gvr, namespaceName, name))
                result = *o;
        });
        return result;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Qluster::SandboxThread> m_thread;
    QString m_error;
};

inline QJsonObject makePod(const QString &ns, const QString &name, const QStringList &containers = {QStringLiteral("app")})
{
    QJsonArray cs;
    for (const QString &c : containers)
        cs.append(QJsonObject{{QStringLiteral("name"), c}, {QStringLiteral("image"), QString(QStringLiteral("example/") + c + QStringLiteral(":1.0"))}});
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Pod")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), cs}}}};
}
