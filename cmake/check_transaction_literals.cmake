# Fails when product code spells a transaction-control command anywhere but in the one
# transaction type, app/core/db/transaction.cpp (Transaction: its begin/commit/rollback, its
# savepoints, and the command texts it gives the engines that pipeline a whole transaction):
#   - in app/ and ui/ *.cpp and *.h, a C++ string literal ("..." or R"(...)") whose text starts,
#     in any case, after blanks, escaped \n \r \t and SQL comments (-- to the line's end,
#     /* */), with BEGIN, ROLLBACK, COMMIT, SAVEPOINT, RELEASE <name>, START TRANSACTION, SET
#     TRANSACTION, PREPARE TRANSACTION, ABORT or END (a whole word). The file is read as the
#     compiler reads it (cmake/cpp_source_text.cmake): C++ comments are skipped, adjacent
#     literals joined ("COM" "MIT" is "COMMIT"), continued lines joined;
#   - in app/ and ui/ *.sql, in any case and indentation, a resource whose first statement
#     starts with one of those words (after -- and /* */ comments), or a line that starts with
#     one of them (not END) and ends a statement (";"); a DO block's BEGIN is neither.
# Not seen, as no reading of the text can: a command put together at run time
# (QByteArray("ROLL") + "BACK", a word read from a file or a QString::arg); those are for review.
# The exceptions (prose in tr(), the statements of a user's script that the checkers classify)
# are listed in ALLOW, one a line: "<file> | <text on the line> | <why it may stay>" (text "*":
# every line of the file; the line as read: comments out, literals joined). An entry that
# matches nothing fails the check too, so the list stays true. Run by the target
# uaip_transaction_literals on every build:
#   cmake -DROOT=<source dir> -DALLOW=<allow-list> -P cmake/check_transaction_literals.cmake
include(${CMAKE_CURRENT_LIST_DIR}/cpp_source_text.cmake)
if(NOT ROOT OR NOT ALLOW)
    message(FATAL_ERROR "check_transaction_literals: pass -DROOT=<source dir> -DALLOW=<file>")
endif()
set(words "BEGIN|ROLLBACK|COMMIT|SAVEPOINT|RELEASE[ \t]|START[ \t]+TRANSACTION|SET[ \t]+TRANSACTION|ABORT|PREPARE[ \t]+TRANSACTION")
# A literal's text (its escaped \n a line break, \r \t blanks) that starts with a command:
# after blanks and SQL comments, one of the words, whole ("end-time" is none).
set(skipped "([ \t\r\n]|--[^\n]*\n|/\\*([^*]|\\*+[^*/])*\\*+/)*")
set(command "^${skipped}((BEGIN|ROLLBACK|COMMIT|SAVEPOINT|ABORT|END|(START|SET|PREPARE)[ \t\r\n]+TRANSACTION)([^A-Za-z0-9_-]|$)|RELEASE[ \t\r\n])")
# The literals of a line: "..." or a raw R"delim(...)delim".
set(literals "R\"[A-Za-z0-9_]*\\(([^)]|\\)[^\"A-Za-z0-9_)]|\\)[A-Za-z0-9_]+[^\"A-Za-z0-9_)])*\\)+[A-Za-z0-9_]*\"|\"([^\"\\\\]|\\\\.)*\"")
set(statement "^[ \t]*(${words}|END)([ \t]|$)")
set(ended "^[ \t]*(${words})[^;]*;")

# The allow-list: parallel lists of file, text and whether the entry matched.
set(allowFiles "")
set(allowTexts "")
set(allowUsed "")
set(problems "")
file(STRINGS ${ALLOW} entries)
foreach(entry IN LISTS entries)
    if(entry MATCHES "^[ \t]*(#|$)")
        continue()
    endif()
    if(NOT entry MATCHES "^([^|]+)\\|([^|]+)\\|(.+)$")
        string(APPEND problems "\n  ${ALLOW}: not \"<file> | <text> | <why>\": ${entry}")
        continue()
    endif()
    string(STRIP "${CMAKE_MATCH_1}" allowedFile)
    string(STRIP "${CMAKE_MATCH_2}" allowedText)
    list(APPEND allowFiles "${allowedFile}")
    list(APPEND allowTexts "${allowedText}")
    list(APPEND allowUsed 0)
endforeach()
list(LENGTH allowFiles allowCount)

# Whether file's line is allowed (allowed in the caller); marks the entry used.
function(check_allowed file line)
    set(allowed FALSE PARENT_SCOPE)
    if(allowCount EQUAL 0)
        return()
    endif()
    math(EXPR last "${allowCount} - 1")
    foreach(i RANGE ${last})
        list(GET allowFiles ${i} allowedFile)
        list(GET allowTexts ${i} allowedText)
        string(FIND "${line}" "${allowedText}" at)
        if(allowedFile STREQUAL "${file}" AND (at GREATER -1 OR allowedText STREQUAL "*"))
            set(allowed TRUE PARENT_SCOPE)
            list(REMOVE_AT allowUsed ${i})
            list(INSERT allowUsed ${i} 1)
            set(allowUsed "${allowUsed}" PARENT_SCOPE)
        endif()
    endforeach()
endfunction()

# Whether a line (as the compiler reads it) holds a literal that starts with a command: in any
# case, but in the prose of tr("...") (shown to the user, "Commit" a button) only as SQL is
# written in C++, upper case.
function(spells_command line out)
    set(${out} FALSE PARENT_SCOPE)
    string(TOUPPER "${line}" upper)
    if(NOT upper MATCHES "BEGIN|ROLLBACK|COMMIT|SAVEPOINT|RELEASE|TRANSACTION|ABORT|END")
        return()
    endif()
    string(REGEX MATCHALL "${literals}" found "${line}")
    foreach(literal IN LISTS found)
        if(literal MATCHES "^R\"[A-Za-z0-9_]*\\((.*)\\)[A-Za-z0-9_]*\"$")
            set(text "${CMAKE_MATCH_1}")
        else()
            string(REGEX REPLACE "^\"(.*)\"$" "\\1" text "${literal}")
        endif()
        string(REPLACE "\\n" "\n" text "${text}")
        string(REGEX REPLACE "\\\\[rt]" " " text "${text}")
        string(FIND "${line}" "tr(${literal}" prose)
        if(prose EQUAL -1)
            string(TOUPPER "${text}" text)
        endif()
        if(text MATCHES "${command}")
            set(${out} TRUE PARENT_SCOPE)
            return()
        endif()
    endforeach()
endfunction()

file(GLOB_RECURSE sources RELATIVE ${ROOT}
     ${ROOT}/app/*.cpp ${ROOT}/app/*.h ${ROOT}/ui/*.cpp ${ROOT}/ui/*.h)
foreach(file IN LISTS sources)
    if(file STREQUAL "app/core/db/transaction.cpp")
        continue()
    endif()
    uaip_cpp_code(${ROOT}/${file} code)
    string(REPLACE "\n" ";" lines "${code}")
    foreach(line IN LISTS lines)
        spells_command("${line}" spelled)
        if(NOT spelled)
            continue()
        endif()
        string(STRIP "${line}" line)
        check_allowed("${file}" "${line}")
        if(NOT allowed)
            string(APPEND problems "\n  ${file}: ${line}")
        endif()
    endforeach()
endforeach()

file(GLOB_RECURSE resources RELATIVE ${ROOT} ${ROOT}/app/*.sql ${ROOT}/ui/*.sql)
foreach(file IN LISTS resources)
    file(STRINGS ${ROOT}/${file} lines)
    set(first TRUE)
    set(inComment FALSE) # within a /* */ comment
    foreach(line IN LISTS lines)
        if(inComment)
            string(FIND "${line}" "*/" close)
            if(close EQUAL -1)
                continue()
            endif()
            math(EXPR close "${close} + 2")
            string(SUBSTRING "${line}" ${close} -1 line)
            set(inComment FALSE)
        endif()
        # comments before the line's text go; a comment left open goes on on the next lines
        if(line MATCHES "^([ \t]|/\\*([^*]|\\*+[^*/])*\\*+/)+")
            string(LENGTH "${CMAKE_MATCH_0}" skip)
            string(SUBSTRING "${line}" ${skip} -1 line)
        endif()
        if(line MATCHES "^/\\*")
            set(inComment TRUE)
            continue()
        endif()
        if(line MATCHES "^(--|$)")
            continue()
        endif()
        string(TOUPPER "${line}" upper) # SQL keywords in any case
        if((first AND upper MATCHES "${statement}") OR upper MATCHES "${ended}")
            check_allowed("${file}" "${line}")
            if(NOT allowed)
                string(APPEND problems "\n  ${file}: ${line}")
            endif()
        endif()
        set(first FALSE)
    endforeach()
endforeach()

if(allowCount GREATER 0)
    math(EXPR last "${allowCount} - 1")
    foreach(i RANGE ${last})
        list(GET allowUsed ${i} used)
        if(NOT used)
            list(GET allowFiles ${i} allowedFile)
            list(GET allowTexts ${i} allowedText)
            string(APPEND problems
                   "\n  ${ALLOW}: no line of ${allowedFile} holds ${allowedText} (remove the entry)")
        endif()
    endforeach()
endif()
if(problems)
    message(FATAL_ERROR "transaction control spelled outside app/core/db/transaction.cpp (use "
                        "db/Transaction: begin/commit/rollback, or its command texts in a "
                        "pipeline):${problems}")
endif()
