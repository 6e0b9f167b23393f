// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "podshell.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QSet>

namespace Qluster {

PodShell::PodShell(const QJsonObject &pod, const QString &container)
{
    const QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
    m_hostname = meta.value(QLatin1String("name")).toString();
    m_env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
    m_env.insert(QStringLiteral("HOSTNAME"), m_hostname);
    m_env.insert(QStringLiteral("HOME"), QStringLiteral("/root"));
    m_env.insert(QStringLiteral("KUBERNETES_SERVICE_HOST"), QStringLiteral("10.96.0.1"));
    m_env.insert(QStringLiteral("KUBERNETES_SERVICE_PORT"), QStringLiteral("443"));
    QString image;
    for (const QJsonValue &c : pod.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray()) {
        const QJsonObject co = c.toObject();
        if (co.value(QLatin1String("name")).toString() != container)
            continue;
        image = co.value(QLatin1String("image")).toString();
        for (const QJsonValue &e : co.value(QLatin1String("env")).toArray()) {
            const QJsonObject eo = e.toObject();
            if (eo.contains(QLatin1String("value")))
                m_env.insert(eo.value(QLatin1String("name")).toString(), eo.value(QLatin1String("value")).toString());
        }
    }
    m_files.insert(QStringLiteral("/etc/hostname"), m_hostname.toUtf8() + '\n');
    m_files.insert(QStringLiteral("/etc/os-release"),
                   "NAME=\"Sandbox Linux\"\nID=sandbox\nVERSION_ID=1.0\nPRETTY_NAME=\"Sandbox Linux 1.0\"\n");
    m_files.insert(QStringLiteral("/etc/hosts"), "127.0.0.1\tlocalhost\n" + m_hostname.toUtf8() + '\n');
    m_files.insert(QStringLiteral("/app/config.yaml"),
                   "# configuration of " + container.toUtf8() + "\nlisten: :8080\nimage: " + image.toUtf8() + "\nlogLevel: info\n");
    m_files.insert(QStringLiteral("/app/README"), "This is a Qluster sandbox container; its filesystem is simulated.\n");
    m_files.insert(QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount/namespace"),
                   meta.value(QLatin1String("namespace")).toString().toUtf8());
}

bool PodShell::isInteractiveShell(const QStringList &argv)
{
    static const QSet<QString> shells{QStringLiteral("sh"), QStringLiteral("bash"), QStringLiteral("/bin/sh"),
                                      QStringLiteral("/bin/bash"), QStringLiteral("ash"), QStringLiteral("zsh")};
    return argv.size() == 1 && shells.contains(argv.first());
}

QStringList PodShell::splitWords(const QString &line)
{
    QStringList words;
    QString current;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                current += c;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            inWord = true;
        } else if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            current += line.at(++i);
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words << current;
            current.clear();
            inWord = false;
        } else {
            current += c;
            inWord = true;
        }
    }
    if (inWord)
        words << current;
    return words;
}

QString PodShell::resolve(const QString &path) const
{
    const QString p = path.startsWith(QLatin1Char('/')) ? path : m_cwd + QLatin1Char('/') + path;
    QString clean = QDir::cleanPath(p);
    return clean.isEmpty() ? QStringLiteral("/") : clean;
}

QString PodShell::expand(const QString &word) const
{
    if (!word.startsWith(QLatin1Char('$')))
        return word;
    QString name = word.mid(1);
    if (name.startsWith(QLatin1Char('{')) && name.endsWith(QLatin1Char('}')))
        name = name.mid(1, name.size() - 2);
    return m_env.value(name);
}

void PodShell::setTerminalSize(int columns, int rows)
{
    m_columns = columns;
    m_rows = rows;
}

PodShell::Output PodShell::runLine(const QString &line)
{
    Output total;
    for (const QString &part : line.split(QLatin1Char(';'))) {
        const QStringList argv = splitWords(part);
        if (argv.isEmpty())
            continue;
        const Output o = run(argv);
        total.out += o.out;
        total.err += o.err;
        total.exitCode = o.exitCode;
        if (o.exitRequested) {
            total.exitRequested = true;
            break;
        }
    }
    return total;
}

PodShell::Output PodShell::run(const QStringList &rawArgv)
{
    Output o;
    QStringList argv;
    for (const QString &w : rawArgv)
        argv << expand(w);
    if (argv.isEmpty())
        return o;
    QString cmd = argv.first();
    if (cmd.contains(QLatin1Char('/')))
        cmd = cmd.section(QLatin1Char('/'), -1);
    const QStringList args = argv.mid(1);
    if ((cmd == QLatin1String("sh") || cmd == QLatin1String("bash")) && args.value(0) == QLatin1String("-c"))
        return runLine(args.mid(1).join(QLatin1Char(' ')));
    if (cmd == QLatin1String("echo")) {
        const bool noNewline = args.value(0) == QLatin1String("-n");
        o.out = (noNewline ? args.mid(1) : args).join(QLatin1Char(' ')).toUtf8();
        if (!noNewline)
            o.out += '\n';
    } else if (cmd == QLatin1String("env") || cmd == QLatin1String("printenv")) {
        if (!args.isEmpty()) {
            if (!m_env.contains(args.first()))
                o.exitCode = 1;
            else
                o.out = m_env.value(args.first()).toUtf8() + '\n';
        } else {
            for (auto it = m_env.begin(); it != m_env.end(); ++it)
                o.out += it.key().toUtf8() + '=' + it.value().toUtf8() + '\n';
        }
    } else if (cmd == QLatin1String("ls")) {
        const QStringList paths = args.isEmpty() ? QStringList{m_cwd} : args;
        for (const QString &raw : paths) {
            const QString path = resolve(raw);
            if (m_files.contains(path)) {
                o.out += raw.toUtf8() + '\n';
                continue;
            }
            const QString prefix = path == QLatin1String("/") ? path : path + QLatin1Char('/');
            QStringList entries;
            for (auto it = m_files.begin(); it != m_files.end(); ++it) {
                if (it.key().startsWith(prefix)) {
                    const QString entry = it.key().mid(prefix.size()).section(QLatin1Char('/'), 0, 0);
                    if (!entries.contains(entry))
                        entries << entry;
                }
            }
            if (entries.isEmpty()) {
                o.err += "ls: cannot access '" + raw.toUtf8() + "': No such file or directory\n";
                o.exitCode = 2;
                continue;
            }
            entries.sort();
            for (const QString &e : entries)
                o.out += e.toUtf8() + '\n';
        }
    } else if (cmd == QLatin1String("cat")) {
        for (const QString &raw : args) {
            const QString path = resolve(raw);
            if (!m_files.contains(path)) {
                o.err += "cat: " + raw.toUtf8() + ": No such file or directory\n";
                o.exitCode = 1;
                continue;
            }
            o.out += m_files.value(path);
        }
    } else if (cmd == QLatin1String("pwd")) {
        o.out = m_cwd.toUtf8() + '\n';
    } else if (cmd == QLatin1String("cd")) {
        const QString path = resolve(args.value(0, QStringLiteral("/root")));
        m_cwd = path;
    } else if (cmd == QLatin1String("hostname")) {
        o.out = m_hostname.toUtf8() + '\n';
    } else if (cmd == QLatin1String("whoami")) {
        o.out = "root\n";
    } else if (cmd == QLatin1String("date")) {
        o.out = QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toUtf8() + '\n';
    } else if (cmd == QLatin1String("uname")) {
        o.out = args.contains(QLatin1String("-a")) ? QByteArray("Linux " + m_hostname.toUtf8() + " 6.1.0-sandbox #1 SMP x86_64 GNU/Linux\n")
                                                   : QByteArray("Linux\n");
    } else if (cmd == QLatin1String("true") || cmd == QLatin1String("sleep")) {
        o.exitCode = 0;
    } else if (cmd == QLatin1String("false")) {
        o.exitCode = 1;
    } else if (cmd == QLatin1String("stty")) {
        if (m_columns < 0) {
            o.err = "stty: 'standard input': Inappropriate ioctl for device\n";
            o.exitCode = 1;
        } else if (args == QStringList{QStringLiteral("size")}) {
            o.out = QByteArray::number(m_rows) + ' ' + QByteArray::number(m_columns) + '\n';
        } else {
            o.out = "speed 38400 baud; rows " + QByteArray::number(m_rows) + "; columns " + QByteArray::number(m_columns) + "; line = 0;\n";
        }
    } else if (cmd == QLatin1String("exit")) {
        o.exitCode = args.value(0, QStringLiteral("0")).toInt();
        o.exitRequested = true;
    } else {
        o.err = "sh: " + cmd.toUtf8() + ": not found\n";
        o.exitCode = 127;
    }
    return o;
}

} // namespace Qluster
