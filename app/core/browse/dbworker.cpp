#include "dbworker.h"

namespace uaip {

DbWorker::DbWorker(const QString &conninfo, const QString &applicationName, QObject *parent)
    : QObject(parent)
    , m_conninfo(conninfo)
    , m_applicationName(applicationName)
{
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.setObjectName(applicationName);
    m_thread.start();
}

DbWorker::~DbWorker()
{
    m_connection.cancel();
    m_thread.quit();
    m_thread.wait();
    m_connection.close();
}

void DbWorker::post(Task task)
{
    QMetaObject::invokeMethod(
        m_context, [this, task = std::move(task)] { run(task); }, Qt::QueuedConnection);
}

void DbWorker::run(const Task &task)
{
    if (!m_connection.isOpen()) {
        m_backendPid = 0;
        if (m_connection.open(m_conninfo, m_applicationName))
            m_backendPid = m_connection.backendPid();
    }
    task(m_connection);
}

void DbWorker::cancel()
{
    m_connection.cancel();
}

} // namespace uaip
