// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "execplugin.h"

#include "util/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Qluster {

namespace {

Error authError(const QString &message)
{
    Error e;
    e.kind = Error::Kind::Auth;
    e.message = message;
    return e;
}

// A word that may be a credential: long and made of token characters (JWTs, base64, hex keys).
const QRegularExpression &tokenShaped()
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z0-9._~+/=:-]{16,}"));
    return word;
}

// What a plugin printed, safe to show: at most 600 characters of its lines, every token-shaped
// word replaced. Plugins print warnings; the credential they print must never reach a message.
QString shownOutput(const QByteArray &text)
{
    QString shown = QString::fromUtf8(text).simplified();
    shown.replace(tokenShaped(), QStringLiteral("[redacted]"));
    if (shown.size() > 600)
        shown = shown.left(600) + QStringLiteral("…");
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

// Describes stdout that is not one JSON object: the lines around a JSON object (warnings a plugin
// printed before or after its ExecCredential) quoted with tokens redacted, the JSON itself never.
QString describeNonJsonOutput(const QByteArray &out)
{
    const QString text = QString::fromUtf8(out).trimmed();
    if (text.isEmpty())
        return QStringLiteral("nothing");
    if (tokenShaped().match(text).capturedLength() == text.size())
        return QStringLiteral("%1 bytes that look like a bare token (not shown)").arg(out.size());
    const QStringList lines = text.split(QLatin1Char('\n'));
    qsizetype first = -1;
    qsizetype last = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (first < 0 && lines.at(i).trimmed().startsWith(QLatin1Char('{')))
            first = i;
        if (lines.at(i).trimmed().endsWith(QLatin1Char('}')))
            last = i;
    }
    if (first < 0 || last < first)
        return shownOutput(out);
    QStringList around = lines.mid(0, first) + lines.mid(last + 1);
    const QString aroundText = around.join(QLatin1Char('\n')).trimmed();
    return QStringLiteral("%1 besides a JSON object (not shown)")
        .arg(aroundText.isEmpty() ? QStringLiteral("text") : shownOutput(aroundText.toUtf8()));
}

QString withHint(QString message, const QString &hint)
{
    if (!hint.isEmpty())
        message += QStringLiteral("\n\n") + hint.trimmed();
    return message;
}

} // namespace

ExecPlugin::ExecPlugin(const ExecConfig &config, const KubeconfigCluster &cluster, int timeoutMs,
                       QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_cluster(cluster)
    , m_timeoutMs(timeoutMs)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_done || !m_process)
            return;
        const QByteArray err = m_process->readAllStandardError();
        m_process->disconnect(this);
        m_process->kill();
        finish(fail(authError(
            QStringLiteral("exec plugin %1 did not answer within %2 s%3")
                .arg(m_config.command)
                .arg(m_timeoutMs / 1000.0)
                .arg(err.trimmed().isEmpty() ? QString()
                                             : QStringLiteral("; stderr: ") + shownOutput(err)))));
    });
}

ExecPlugin::~ExecPlugin()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000); // reaps the killed child; it cannot block longer
    }
}

QByteArray ExecPlugin::execInfo() const
{
    // https://kubernetes.io/docs/reference/access-authn-authz/authentication/#input-and-output-formats
    // A GUI has no terminal: spec.interactive is always false.
    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (m_config.provideClusterInfo) {
        QJsonObject cluster{{QStringLiteral("server"), m_cluster.server}};
        if (!m_cluster.tlsServerName.isEmpty())
            cluster.insert(QStringLiteral("tls-server-name"), m_cluster.tlsServerName);
        if (m_cluster.insecureSkipTlsVerify)
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        if (!m_cluster.certificateAuthorityData.isEmpty())
            cluster.insert(QStringLiteral("certificate-authority-data"),
                           QString::fromLatin1(m_cluster.certificateAuthorityData.toBase64()));
        if (!m_cluster.proxyUrl.isEmpty())
            cluster.insert(QStringLiteral("proxy-url"), m_cluster.proxyUrl);
        if (m_cluster.disableCompression)
            cluster.insert(QStringLiteral("disable-compression"), true);
        for (const NamedExtension &e : m_cluster.extensions) {
            if (e.name == QLatin1String("client.authentication.k8s.io/exec"))
                cluster.insert(QStringLiteral("config"), e.extension);
        }
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    const QJsonObject info{{QStringLiteral("apiVersion"), m_config.apiVersion},
                           {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                           {QStringLiteral("spec"), spec}};
    return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

void ExecPlugin::start(const QProcessEnvironment &environment)
{
    if (m_config.apiVersion != QLatin1String("client.authentication.k8s.io/v1")
        && m_config.apiVersion != QLatin1String("client.authentication.k8s.io/v1beta1")) {
        finish(fail(authError(QStringLiteral("exec plugin %1: unsupported apiVersion \"%2\" (use "
                                             "client.authentication.k8s.io/v1 or v1beta1)")
                                  .arg(m_config.command, m_config.apiVersion))));
        return;
    }
    if (m_config.effectiveInteractiveMode() == ExecConfig::InteractiveMode::Always) {
        finish(fail(authError(withHint(
            QStringLiteral("exec plugin %1 needs an interactive terminal (interactiveMode: Always), "
                           "which Qluster, a graphical application, cannot give it; run a kubectl "
                           "command in a terminal to log in first, or set interactiveMode: "
                           "IfAvailable")
                .arg(m_config.command),
            m_config.installHint))));
        return;
    }
    QProcessEnvironment env = environment;
    for (const ExecEnvVar &var : std::as_const(m_config.env))
        env.insert(var.name, var.value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(execInfo()));

    // Look a bare command up in the PATH the plugin gets (kubeconfig env included), as exec.Command
    // does in client-go; a missing one is reported like kubectl, with the installHint.
    QString program = m_config.command;
    if (!program.contains(QLatin1Char('/'))) {
        const QStringList path = env.value(QStringLiteral("PATH")).split(QDir::listSeparator(),
                                                                         Qt::SkipEmptyParts);
        program = QStandardPaths::findExecutable(m_config.command, path);
    } else if (!QFileInfo(program).isExecutable()) {
        program.clear();
    }
    if (program.isEmpty()) {
        finish(fail(authError(withHint(
            QStringLiteral("exec plugin: executable %1 not found; it looks like you are trying to "
                           "use a client-go credential plugin that is not installed")
                .arg(m_config.command),
            m_config.installHint))));
        return;
    }

    m_process = new QProcess(this);
    m_process->setProcessEnvironment(env);
    m_process->setInputChannelMode(QProcess::ManagedInputChannel);
    connect(m_process, &QProcess::finished, this, &ExecPlugin::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &ExecPlugin::onErrorOccurred);
    connect(m_process, &QProcess::started, this, [this] { m_process->closeWriteChannel(); });
    if (m_timeoutMs > 0)
        m_timeout.start(m_timeoutMs);
    qCDebug(lcNet) << "running exec plugin" << m_config.command;
    m_process->start(program, m_config.args);
}

void ExecPlugin::onErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_done)
        return; // crashes and exit codes are handled in onFinished
    finish(fail(authError(withHint(
        QStringLiteral("exec plugin: cannot run %1: %2").arg(m_config.command, m_process->errorString()),
        m_config.installHint))));
}

void ExecPlugin::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_done)
        return;
    const QByteArray out = m_process->readAllStandardOutput();
    const QByteArray err = m_process->readAllStandardError();
    if (status != QProcess::NormalExit || exitCode != 0) {
        QString message = status == QProcess::NormalExit
            ? QStringLiteral("exec plugin %1 failed with exit code %2").arg(m_config.command).arg(exitCode)
            : QStringLiteral("exec plugin %1 crashed").arg(m_config.command);
        if (!err.trimmed().isEmpty())
            message += QStringLiteral(": ") + shownOutput(err);
        finish(fail(authError(message)));
        return;
    }
    finish(parseOutput(out, m_config.apiVersion, m_config.command));
}

Result<ExecCredential> ExecPlugin::parseOutput(const QByteArray &stdoutData,
                                               const QString &apiVersion, const QString &command)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(stdoutData, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        // kubectl fails here too (client-go decodes stdout as one ExecCredential): say what the
        // plugin printed without the credential it may also have printed.
        return fail(authError(QStringLiteral("exec plugin %1 printed something that is not an "
                                             "ExecCredential: %2; a plugin must print only its "
                                             "ExecCredential JSON object on stdout (warnings "
                                             "belong on stderr)")
                                  .arg(command, describeNonJsonOutput(stdoutData))));
    }
    // From here on the output may hold a credential: never quote it.
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("kind")).toString() != QLatin1String("ExecCredential"))
        return fail(authError(QStringLiteral("exec plugin %1 returned kind \"%2\", not ExecCredential")
                                  .arg(command, o.value(QLatin1String("kind")).toString())));
    if (o.value(QLatin1String("apiVersion")).toString() != apiVersion)
        return fail(authError(QStringLiteral("exec plugin %1 returned apiVersion \"%2\", expected "
                                             "\"%3\"")
                                  .arg(command, o.value(QLatin1String("apiVersion")).toString(),
                                       apiVersion)));
    const QJsonObject status = o.value(QLatin1String("status")).toObject();
    ExecCredential credential;
    credential.token = status.value(QLatin1String("token")).toString().toUtf8();
    credential.clientCertificateData =
        status.value(QLatin1String("clientCertificateData")).toString().toUtf8();
    credential.clientKeyData = status.value(QLatin1String("clientKeyData")).toString().toUtf8();
    const QString expiry = status.value(QLatin1String("expirationTimestamp")).toString();
    if (!expiry.isEmpty()) {
        credential.expirationTimestamp = QDateTime::fromString(expiry, Qt::ISODateWithMs);
        if (!credential.expirationTimestamp.isValid())
            return fail(authError(QStringLiteral("exec plugin %1 returned an invalid "
                                                 "expirationTimestamp \"%2\"")
                                      .arg(command, expiry)));
    }
    if (credential.token.isEmpty()
        && (credential.clientCertificateData.isEmpty() || credential.clientKeyData.isEmpty()))
        return fail(authError(QStringLiteral("exec plugin %1 returned neither a token nor a client "
                                             "certificate and key")
                                  .arg(command)));
    if (credential.clientCertificateData.isEmpty() != credential.clientKeyData.isEmpty())
        return fail(authError(QStringLiteral("exec plugin %1 returned a client certificate without "
                                             "its key (or a key without its certificate)")
                                  .arg(command)));
    return credential;
}

void ExecPlugin::finish(const Result<ExecCredential> &result)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    Q_EMIT finished(result);
}

} // namespace Qluster
