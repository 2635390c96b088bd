# Fails when product code spells a transaction-control command anywhere but in the one
# transaction type, app/core/db/transaction.cpp (Transaction: its begin/commit/rollback, its
# savepoints, and the command texts it gives the engines that pipeline a whole transaction).
# Every text file of app/ and ui/ is read (any name: a .cpp may include x.inc; not CMake's own):
#   - a file but *.sql as C++, as the compiler reads it (cmake/cpp_source_text.cmake): comments
#     out, continued lines joined, escapes decoded ("\x43OMMIT" is "COMMIT"), adjacent literals
#     joined ("COM" "MIT" is "COMMIT"). A string literal is named whose text, read as SQL
#     (cmake/sql_source_text.cmake: comments, nested /* */ too, are blanks), has a statement that
#     starts with BEGIN,
#     ROLLBACK, COMMIT, SAVEPOINT, RELEASE <name>, START TRANSACTION, SET TRANSACTION, PREPARE
#     TRANSACTION, ABORT or END (a whole word, in any case), or that holds a dollar-quoted body
#     (a DO block) with a statement that ends in COMMIT or ROLLBACK [AND [NO] CHAIN]. Prose is
#     named only in upper case, as SQL is written in C++: the text of tr("..."),
#     QT_TR_NOOP("...") or QCoreApplication::translate("<context>", "..."), the call's name
#     right before the literal and no part of a longer name (sqlStr("rollback") is no tr());
#   - a *.sql resource as the server splits it (cmake/sql_source_text.cmake): at each ";" outside
#     comments, quotes and dollar-quoted bodies, a statement may span lines. A statement that
#     starts with one of the words (END too) is named, and a statement of a body (a DO block's,
#     a function's) that ends in COMMIT or ROLLBACK; a DO block's or a function's BEGIN is none.
# Each is named "<file>:<line>: <the line as read>" (a .sql statement on one line).
# Not seen, as no reading of the text can: a command put together at run time
# (QByteArray("ROLL") + "BACK", a word read from a file or a QString::arg); those are for review.
# The exceptions (prose in tr(), the statements of a user's script that the checkers classify)
# are listed in ALLOW, one a line: "<file> | <text on the line> | <why it may stay>" (text "*":
# every line of the file; the line as read: comments out, literals joined and decoded, a .sql
# statement on one line). An entry that matches nothing fails the check too, so the list stays
# true. Run by the target uaip_transaction_literals on every build:
#   cmake -DROOT=<source dir> -DALLOW=<allow-list> -P cmake/check_transaction_literals.cmake
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/cpp_source_text.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/sql_source_text.cmake)
if(NOT ROOT OR NOT ALLOW)
    message(FATAL_ERROR "check_transaction_literals: pass -DROOT=<source dir> -DALLOW=<file>")
endif()
get_filename_component(ROOT ${ROOT} ABSOLUTE)
# A statement (comments blanked) that starts with a command: one of the words, whole ("end-time"
# is none).
set(command "^[ \t\n]*((BEGIN|ROLLBACK|COMMIT|SAVEPOINT|ABORT|END|(START|SET|PREPARE)[ \t\n]+TRANSACTION)([^A-Za-z0-9_$-]|$)|RELEASE[ \t\n])")
# A statement of a body (PL/pgSQL, where BEGIN and END make blocks) that ends the transaction.
set(inBody "(^|[ \t\n(])(COMMIT|ROLLBACK)([ \t\n]+AND([ \t\n]+NO)?[ \t\n]+CHAIN)?[ \t\n]*$")
string(ASCII 2 semi)
string(ASCII 6 backslash)

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

# Whether SQL text starts with a command or holds a body's statement that ends a transaction:
# in any case, but prose (tr("..."), shown to the user: "Commit" a button) only in upper case.
function(spells_command text prose out)
    set(${out} FALSE PARENT_SCOPE)
    if(NOT prose)
        string(TOUPPER "${text}" text)
    endif()
    uaip_sql_statements("${text}" 1 statements)
    foreach(entry IN LISTS statements)
        string(REGEX MATCH "^[0-9]+\\|([a-z]+)\\|(.*)\\|$" ignored "${entry}")
        if(CMAKE_MATCH_1 STREQUAL "body")
            if(CMAKE_MATCH_2 MATCHES "${inBody}")
                set(${out} TRUE PARENT_SCOPE)
            endif()
        elseif(CMAKE_MATCH_2 MATCHES "${command}")
            set(${out} TRUE PARENT_SCOPE) # any statement of the literal ("SELECT 1; COMMIT")
        endif()
    endforeach()
endfunction()

# The text a C++ literal (as uaip_cpp_code writes it) sends to the server: its escapes decoded
# (a NUL ends it; a character beyond ASCII or a control character is one of a name's), ";" for
# the character 2 uaip_cpp_code wrote (the statements split where the server splits them).
function(literal_text literal out)
    string(REGEX REPLACE "^\"(.*)\"$" "\\1" text "${literal}")
    string(REPLACE "${semi}" ";" text "${text}")
    if(text MATCHES "\\\\")
        string(REPLACE "\\\\" "${backslash}" text "${text}")
        string(REGEX REPLACE "\\\\x\\{0\\}.*$" "" text "${text}")
        string(REGEX REPLACE "\\\\x\\{[^}]*\\}" "_" text "${text}")
        string(REGEX REPLACE "\\\\[nr]" "\n" text "${text}")
        string(REGEX REPLACE "\\\\[tfv]" " " text "${text}")
        string(REPLACE "\\\"" "\"" text "${text}")
        string(REPLACE "${backslash}" "\\" text "${text}")
    endif()
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Whether a line (as the compiler reads it) holds a literal that spells a command; prose is the
# literal right after tr( or QT_TR_NOOP(, or the second argument of QCoreApplication::translate(.
function(line_spells_command line out)
    set(${out} FALSE PARENT_SCOPE)
    string(TOUPPER "${line}" upper)
    if(NOT upper MATCHES "BEGIN|ROLLBACK|COMMIT|SAVEPOINT|RELEASE|TRANSACTION|ABORT|END")
        return()
    endif()
    string(REGEX MATCHALL "\"([^\"\\\\]|\\\\.)*\"|[^\"]+" pieces "${line}")
    set(before "") # the text since the last literal
    set(beforeLast "") # the text before the last literal
    foreach(piece IN LISTS pieces)
        if(NOT piece MATCHES "^\"")
            set(before "${piece}")
            continue()
        endif()
        set(call "(^|[^A-Za-z0-9_])")
        set(prose FALSE)
        if(before MATCHES "${call}(tr|QT_TR_NOOP)\\([ \t]*$"
           OR (before MATCHES "^[ \t]*,[ \t]*$"
               AND beforeLast MATCHES "${call}QCoreApplication::translate\\([ \t]*$"))
            set(prose TRUE)
        endif()
        string(TOUPPER "${piece}" upper)
        if(upper MATCHES "BEGIN|ROLLBACK|COMMIT|SAVEPOINT|RELEASE|TRANSACTION|ABORT|END")
            literal_text("${piece}" text)
            spells_command("${text}" ${prose} spelled)
            if(spelled)
                set(${out} TRUE PARENT_SCOPE)
                return()
            endif()
        endif()
        set(beforeLast "${before}")
        set(before "")
    endforeach()
endfunction()

# Names the file's lines that spell a command (and are not allowed) in problems.
function(check_code file)
    uaip_cpp_code(${ROOT}/${file} code)
    if(NOT code_unread STREQUAL "")
        string(APPEND problems "\n  ${file}: a raw string this check cannot read:${code_unread}")
    endif()
    string(REPLACE "\n" ";" lines "${code}")
    set(number 0)
    set(opened "") # the previous line, when it ends in "(": a call whose literal is on this line
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        set(call "${opened}")
        set(opened "")
        if(line MATCHES "\\([ \t]*$" AND NOT line MATCHES "\"")
            set(opened "${line}")
        endif()
        if(NOT line MATCHES "\"")
            continue() # no literal
        endif()
        line_spells_command("${call}${line}" spelled)
        if(NOT spelled)
            continue()
        endif()
        string(STRIP "${line}" line)
        string(REPLACE "${semi}" ";" shown "${line}") # printed as written (a quoted string)
        # matched as the allow list spells it: "," for ";", which would split its CMake list
        string(REPLACE "${semi}" "," line "${line}")
        check_allowed("${file}" "${line}")
        if(NOT allowed)
            string(APPEND problems "\n  ${file}:${number}: ${shown}")
        endif()
    endforeach()
    set(problems "${problems}" PARENT_SCOPE)
    set(allowUsed "${allowUsed}" PARENT_SCOPE)
endfunction()

# Names the resource's statements that spell a command (and are not allowed) in problems.
function(check_resource file)
    file(READ ${ROOT}/${file} text)
    string(TOUPPER "${text}" upper) # SQL keywords in any case
    if(NOT upper MATCHES "BEGIN|ROLLBACK|COMMIT|SAVEPOINT|RELEASE|TRANSACTION|ABORT|END")
        return()
    endif()
    uaip_sql_statements("${text}" 1 statements)
    foreach(entry IN LISTS statements)
        string(REGEX MATCH "^([0-9]+)\\|([a-z]+)\\|(.*)\\|$" ignored "${entry}")
        set(number ${CMAKE_MATCH_1})
        set(where ${CMAKE_MATCH_2})
        set(statement "${CMAKE_MATCH_3}")
        string(TOUPPER "${statement}" upper)
        if((where STREQUAL "top" AND upper MATCHES "${command}")
           OR (where STREQUAL "body" AND upper MATCHES "${inBody}"))
            string(REGEX REPLACE "[ \t\n]+" " " statement "${statement}")
            string(STRIP "${statement}" statement)
            string(REPLACE "${semi}" ";" statement "${statement}")
            string(REPLACE "${backslash}" "\\" statement "${statement}")
            check_allowed("${file}" "${statement}")
            if(NOT allowed)
                string(APPEND problems "\n  ${file}:${number}: ${statement}")
            endif()
        endif()
    endforeach()
    set(problems "${problems}" PARENT_SCOPE)
    set(allowUsed "${allowUsed}" PARENT_SCOPE)
endfunction()

uaip_source_files(sources ${ROOT} app ui)
foreach(file IN LISTS sources_binary)
    string(APPEND problems "\n  ${file}: a NUL byte (binary to this check)")
endforeach()
foreach(file IN LISTS sources_links)
    string(APPEND problems "\n  ${file}: a symbolic link (read under another folder's name)")
endforeach()
foreach(file IN LISTS sources)
    if(file STREQUAL "app/core/db/transaction.cpp")
        continue()
    elseif(file MATCHES "\\.sql$")
        check_resource(${file})
    else()
        check_code(${file})
    endif()
endforeach()

if(allowCount GREATER 0)
    math(EXPR last "${allowCount} - 1")
    foreach(i RANGE ${last})
        list(GET allowUsed ${i} used)
        if(NOT used)
            list(GET allowFiles ${i} allowedFile)
            list(GET allowTexts ${i} allowedText)
            string(APPEND problems
                   "\n  ${ALLOW}: no line of ${allowedFile} holds ${allowedText} "
                   "(remove the entry)")
        endif()
    endforeach()
endif()
if(problems)
    message(FATAL_ERROR "transaction control spelled outside app/core/db/transaction.cpp (use "
                        "db/Transaction: begin/commit/rollback, or its command texts in a "
                        "pipeline):${problems}")
endif()
