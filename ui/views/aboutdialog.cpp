// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "aboutdialog.h"

#include "editor/highlighter.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSslSocket>
#include <QSysInfo>
#include <QVBoxLayout>

namespace Qluster::Ui {

QString AboutDialog::versionReport()
{
    const QString ssl
        = QSslSocket::supportsSsl() ? QSslSocket::sslLibraryVersionString() : tr("not available");
    return tr("Qluster %1").arg(QStringLiteral(QLUSTER_VERSION_STRING)) + QLatin1Char('\n')
        + tr("Qt %1 (built with %2)")
              .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))
        + QLatin1Char('\n') + tr("TLS: %1").arg(ssl) + QLatin1Char('\n')
        + tr("System: %1 (%2)")
              .arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture())
        + QLatin1Char('\n') + tr("Syntax highlighting: %1").arg(Highlighter::backendName());
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Qluster"));
    auto *heading = new QLabel(
        tr("<h2>Qluster</h2><p>A native desktop explorer for Kubernetes clusters.</p>"), this);
    auto *versions = new QLabel(versionReport(), this);
    versions->setObjectName(QStringLiteral("versionReport"));
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
        [] { QGuiApplication::clipboard()->setText(versionReport()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(versions);
    layout->addWidget(buttons);
}

} // namespace Qluster::Ui
