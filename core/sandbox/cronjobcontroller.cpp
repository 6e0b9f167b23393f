// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "cronjobcontroller.h"

#include "apistatus.h"
#include "controllerhelpers.h"
#include "cronschedule.h"
#include "resourcewriter.h"
#include "sandboxcontext.h"
#include "sandboxcontrollers.h"
#include "sandboxobjects.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>
#include <algorithm>

namespace Qluster {

using namespace SandboxObjects;

using namespace ControllerHelpers;

CronJobController::CronJobController(SandboxContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
}

void CronJobController::reconcileCronJob(const QString &ns, const QString &name)
{
    const QString key = podKeyString(ns, name);
    m_cronNext.remove(key);
    const QJsonObject *found = m_ctx.store.get(cronJobsGvr, ns, name);
    if (!found) {
        armCronTimer();
        return;
    }
    const QJsonObject cronJob = *found;
    const QJsonObject spec = cronJob.value(kSpec).toObject();
    const QDateTime now = m_ctx.clock();
    QJsonObject status = cronJob.value(kStatus).toObject();
    const ResourceType *jobType = m_ctx.findType(QStringLiteral("batch"), QStringLiteral("v1"), QStringLiteral("jobs"));

    // Active and finished Jobs; finished ones leave the active list and are kept only up to the
    // history limits, oldest removed first.
    QSet<QString> wasActive;
    for (const QJsonValue &ref : status.value(QLatin1String("active")).toArray())
        wasActive.insert(ref.toObject().value(kName).toString());
    QJsonArray active;
    QList<QJsonObject> succeededJobs, failedJobs;
    QDateTime lastSuccessful = parseTime(status.value(QLatin1String("lastSuccessfulTime")).toString());
    QList<QJsonObject> jobs = m_ctx.controllers->ownedObjects(jobsGvr, ns, metaString(cronJob, QLatin1String("uid")));
    std::sort(jobs.begin(), jobs.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString sa = a.value(kStatus).toObject().value(QLatin1String("startTime")).toString();
        const QString sb = b.value(kStatus).toObject().value(QLatin1String("startTime")).toString();
        return sa != sb ? sa < sb : metaString(a, kName) < metaString(b, kName);
    });
    QSet<QString> seen;
    for (const QJsonObject &job : std::as_const(jobs)) {
        const QString jobName = metaString(job, kName);
        seen.insert(jobName);
        bool succeeded = false;
        if (!jobFinished(job, &succeeded)) {
            active.append(objectReference(job));
            continue;
        }
        if (wasActive.contains(jobName))
            m_ctx.writer->emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("SawCompletedJob"),
                                    QStringLiteral("Saw completed job: %1, status: %2").arg(jobName, succeeded ? QStringLiteral("Complete") : QStringLiteral("Failed")));
        if (succeeded) {
            succeededJobs << job;
            const QDateTime completed = parseTime(job.value(kStatus).toObject().value(QLatin1String("completionTime")).toString());
            if (completed.isValid() && (!lastSuccessful.isValid() || completed > lastSuccessful))
                lastSuccessful = completed;
        } else {
            failedJobs << job;
        }
    }
    for (const QString &missing : std::as_const(wasActive)) {
        if (!seen.contains(missing))
            m_ctx.writer->emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("MissingJob"), QStringLiteral("Active job went missing: %1").arg(missing));
    }
    auto prune = [&](const QList<QJsonObject> &finished, const char *limitField, int defaultLimit) {
        const int limit = spec.value(QLatin1String(limitField)).toInt(defaultLimit);
        for (qsizetype i = 0; i + limit < finished.size(); ++i) {
            const QString jobName = metaString(finished.at(i), kName);
            (void)m_ctx.writer->deleteInternal(*jobType, ns, jobName, false);
            m_ctx.writer->emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"), QStringLiteral("Deleted job %1").arg(jobName));
        }
    };
    prune(succeededJobs, "successfulJobsHistoryLimit", 3);
    prune(failedJobs, "failedJobsHistoryLimit", 1);

    QTimeZone zone = QTimeZone::utc();
    if (spec.contains(QLatin1String("timeZone")))
        zone = QTimeZone(spec.value(QLatin1String("timeZone")).toString().toUtf8());
    auto schedule = CronSchedule::parse(spec.value(QLatin1String("schedule")).toString(), zone);
    if (!zone.isValid() || !schedule) {
        // Validation keeps such CronJobs out; one stored another way just does nothing.
        m_ctx.writer->emitEvent(cronJob, QStringLiteral("Warning"), QStringLiteral("InvalidSchedule"),
                                QStringLiteral("invalid schedule: %1 : %2")
                                    .arg(spec.value(QLatin1String("schedule")).toString(),
                                         schedule ? QStringLiteral("unknown time zone ") + spec.value(QLatin1String("timeZone")).toString() : schedule.error().message));
    } else if (!spec.value(QLatin1String("suspend")).toBool()) {
        QDateTime earliest = parseTime(status.value(QLatin1String("lastScheduleTime")).toString());
        if (!earliest.isValid())
            earliest = parseTime(metaString(cronJob, QLatin1String("creationTimestamp")));
        if (spec.contains(QLatin1String("startingDeadlineSeconds")))
            earliest = std::max(earliest, now.addSecs(-spec.value(QLatin1String("startingDeadlineSeconds")).toInteger()));
        const QDateTime scheduled = mostRecentScheduleTime(*schedule, earliest, now);
        const QString policy = spec.value(QLatin1String("concurrencyPolicy")).toString(QStringLiteral("Allow"));
        if (scheduled.isValid() && policy == QLatin1String("Forbid") && !active.isEmpty()) {
            // The time stays unmet: the Job starts when the running one has finished.
            m_ctx.writer->emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("JobAlreadyActive"),
                                    QStringLiteral("Not starting job because prior execution is running and concurrency policy is Forbid"));
        } else if (scheduled.isValid()) {
            if (policy == QLatin1String("Replace")) {
                for (const QJsonValue &ref : std::as_const(active)) {
                    const QString jobName = ref.toObject().value(kName).toString();
                    (void)m_ctx.writer->deleteInternal(*jobType, ns, jobName, false);
                    m_ctx.writer->emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"), QStringLiteral("Deleted job %1").arg(jobName));
                }
                active = QJsonArray();
            }
            const QString jobName = name + QLatin1Char('-') + QString::number(scheduled.toSecsSinceEpoch() / 60);
            const QJsonObject jobTemplate = spec.value(QLatin1String("jobTemplate")).toObject();
            QJsonObject meta = metaOf(jobTemplate);
            QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
            annotations.insert(scheduledTimestampAnnotation, CronSchedule::toRfc3339(scheduled.toTimeZone(zone)));
            meta.insert(QStringLiteral("annotations"), annotations);
            meta.insert(QStringLiteral("name"), jobName);
            meta.insert(QStringLiteral("ownerReferences"), QJsonArray{ownerReference(cronJob)});
            const QJsonObject job{{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                                  {QStringLiteral("kind"), QStringLiteral("Job")},
                                  {QStringLiteral("metadata"), meta},
                                  {QStringLiteral("spec"), jobTemplate.value(kSpec)}};
            if (const QJsonObject *existing = m_ctx.store.get(jobsGvr, ns, jobName)) {
                // Created before (by an earlier pass): the time counts as met.
                if (!jobFinished(*existing) && ownedBy(*existing, metaString(cronJob, QLatin1String("uid")))
                    && !std::any_of(active.begin(), active.end(), [&](const QJsonValue &r) { return r.toObject().value(kName).toString() == jobName; }))
                    active.append(objectReference(*existing));
            } else if (auto created = m_ctx.writer->createInternal(*jobType, ns, job, QString(), false); created) {
                active.append(objectReference(*created));
                m_ctx.writer->emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"), QStringLiteral("Created job %1").arg(jobName));
            } else {
                m_ctx.writer->emitEvent(cronJob, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                                        QStringLiteral("Error creating job: %1").arg(created.error().value(QLatin1String("message")).toString()));
            }
            status.insert(QStringLiteral("lastScheduleTime"), CronSchedule::toRfc3339(scheduled.toUTC()));
        }
        if (const QDateTime next = schedule->next(now); next.isValid())
            m_cronNext.insert(key, next);
    }
    if (active.isEmpty())
        status.remove(QStringLiteral("active"));
    else
        status.insert(QStringLiteral("active"), active);
    if (lastSuccessful.isValid())
        status.insert(QStringLiteral("lastSuccessfulTime"), CronSchedule::toRfc3339(lastSuccessful.toUTC()));
    m_ctx.writer->putStatus(cronJobsGvr, cronJob, status);
    armCronTimer();
}

void CronJobController::armCronTimer()
{
    QDateTime due;
    for (const QDateTime &t : std::as_const(m_cronNext)) {
        if (!due.isValid() || t < due)
            due = t;
    }
    if (!due.isValid()) {
        if (m_cronTimer)
            m_cronTimer->stop();
        return;
    }
    if (!m_cronTimer) {
        m_cronTimer = new QTimer(this);
        m_cronTimer->setSingleShot(true);
        m_cronTimer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire early
        connect(m_cronTimer, &QTimer::timeout, this, &CronJobController::runDueCronJobs);
    }
    // Sleep until the earliest scheduled time, at most an hour (the clock can be moved).
    m_cronTimer->start(int(std::clamp<qint64>(m_ctx.clock().msecsTo(due) + 1, 0, 3600 * 1000)));
}

void CronJobController::runDueCronJobs()
{
    const QDateTime now = m_ctx.clock();
    for (auto it = m_cronNext.begin(); it != m_cronNext.end();) {
        if (it.value() > now) {
            ++it;
            continue;
        }
        const QString key = it.key();
        it = m_cronNext.erase(it);
        m_ctx.controllers->scheduleReconcile(QStringLiteral("CronJob"), key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1));
    }
    armCronTimer();
}

} // namespace Qluster
