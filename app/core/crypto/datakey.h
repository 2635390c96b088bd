#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// The 32-byte data key of a database's prompt encryption. Its id is the first 8 bytes of the
// SHA-256 of the key, as 16 lowercase hex digits: it names the key without revealing it.
// Held in memory only; wiped when destroyed.
class DataKey
{
public:
    DataKey() = default;
    ~DataKey();
    DataKey(const DataKey &other) = default;
    DataKey &operator=(const DataKey &other) = default;

    static DataKey generate(); // 32 bytes from RAND_bytes; isValid() false if the RNG failed
    static DataKey fromBytes(const QByteArray &bytes); // isValid() false unless 32 bytes
    static QString idOf(const QByteArray &bytes);

    bool isValid() const { return m_bytes.size() == 32; }
    const QByteArray &bytes() const { return m_bytes; }
    QString id() const { return m_id; }

private:
    QByteArray m_bytes;
    QString m_id;
};

} // namespace uaip
