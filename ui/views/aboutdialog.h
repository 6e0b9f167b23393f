// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

namespace Qluster::Ui {

/// AboutDialog shows Qluster's version with the Qt and OpenSSL versions it runs on.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// AboutDialog::versionReport is the text shown (and copied by "Copy"), one fact per line.
    static QString versionReport();
};

} // namespace Qluster::Ui
