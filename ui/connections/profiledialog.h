#pragma once

#include "db/connectionprofile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace uaip {

class JobManager;
class PasswordStore;
class ProfileStore;

// Create, edit, test and delete connection profiles. Profiles go to QSettings (ProfileStore),
// passwords only to the keychain (PasswordStore). "Test connection" runs on a worker thread and
// shows the server's answer in a DBA's words plus libpq's own text.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    ProfileDialog(ProfileStore *store, PasswordStore *passwords, JobManager *jobs,
                  QWidget *parent = nullptr);

    ConnectionProfile profileFromForm() const;
    void setForm(const ConnectionProfile &profile);
    QString resultText() const;

signals:
    void saved(const QString &name);
    void tested(bool ok);

private:
    void buildFields();
    QFormLayout *buildForm();
    QDialogButtonBox *buildButtons();
    void reloadList(const QString &select);
    void save();
    void test();
    void removeCurrent();
    void growToFit();
    void chooseColor();

    ProfileStore *m_store;
    PasswordStore *m_passwords;
    JobManager *m_jobs;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_ports;
    QComboBox *m_targetSession;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_sslMode;
    QLineEdit *m_rootCert;
    QLineEdit *m_appName;
    QPushButton *m_color;
    QCheckBox *m_production;
    QCheckBox *m_readOnly;
    QLineEdit *m_migrationDirect; // ConnectionProfile::migrationDirect
    QLineEdit *m_group = nullptr; // the Fleet view's profile group
    QLabel *m_result;
    QPushButton *m_testButton;
    QString m_colorValue;
};

} // namespace uaip
