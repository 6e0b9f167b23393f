// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

class QTimer;

namespace Qluster {

struct SandboxContext;

/// CronJobController starts a CronJob's Jobs on its schedule by the sandbox's clock
/// (concurrency policy, history limits, missed starts) and wakes up at the next scheduled time.
class CronJobController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CronJobController)

public:
    explicit CronJobController(SandboxContext &context, QObject *parent = nullptr);

    void reconcileCronJob(const QString &namespaceName, const QString &name);

private:
    void armCronTimer();
    void runDueCronJobs();

    SandboxContext &m_ctx;
    QTimer *m_cronTimer = nullptr;        // owned (child)
    QHash<QString, QDateTime> m_cronNext; ///< "ns/name" of CronJobs -> their next scheduled time
};

} // namespace Qluster
