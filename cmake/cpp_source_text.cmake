# uaip_cpp_code(<file> <out>): the text of a C++ file as the compiler reads it, for the build
# checks (check_module_boundaries.cmake, check_transaction_literals.cmake) to match line by line:
#   - a backslash at the end of a line joins the next line to it (translation phase 2);
#   - a comment, // or /* */, becomes one blank (a /* */ comment keeps its line breaks), also
#     between "#" and "include"; a comment's marks inside a string or character literal are text;
#   - adjacent string literals become one ("COM" "MIT" is "COMMIT"; ":/sql/" "x" "/sql/y.sql" is
#     ":/sql/x/sql/y.sql"), even across lines: the literal stays on the line of its first piece;
#   - CMake's list characters are taken out first: "[" and "]" become "(" and ")", ";" ",".
# Raw strings R"d(...)d" are literals too (not joined; their line breaks written as \n, so each
# stays on one line). Not seen: text pasted together by the
# preprocessor (## or a macro) or at run time (QByteArray("ROLL") + "BACK").
function(uaip_cpp_code file out)
    file(READ "${file}" text)
    string(REPLACE "[" "(" text "${text}")
    string(REPLACE "]" ")" text "${text}")
    string(REPLACE ";" "," text "${text}")
    string(REPLACE "\r\n" "\n" text "${text}")
    string(REGEX REPLACE "\\\\\n" "" text "${text}")
    # One token after the other: a raw string, a string, a character literal, a comment, a run of
    # other text, or one character that starts none of them.
    set(raw "R\"[A-Za-z0-9_]*\\(([^)]|\\)[^\"A-Za-z0-9_)]|\\)[A-Za-z0-9_]+[^\"A-Za-z0-9_)])*\\)+[A-Za-z0-9_]*\"")
    set(string "\"([^\"\\\\\n]|\\\\[^\n])*\"")
    set(char "'([^'\\\\\n]|\\\\[^\n])*'")
    set(line "//[^\n]*")
    set(block "/\\*([^*]|\\*+[^*/])*\\*+/")
    set(other "[^\"'/R]+")
    string(REGEX MATCHALL "${raw}|${string}|${char}|${line}|${block}|${other}|." tokens "${text}")
    string(ASCII 1 join)
    set(code "")
    set(afterString FALSE) # the last token was a string literal, with only blanks since
    set(blanks "")
    foreach(token IN LISTS tokens)
        if(token MATCHES "^R\"")
            string(REPLACE "\n" "\\n" token "${token}") # on one line, as "...\n..." would be
        elseif(token MATCHES "^\"")
            if(afterString)
                string(SUBSTRING "${token}" 1 -1 token)
                string(APPEND code "${join}${token}")
            else()
                string(APPEND code "${blanks}${token}")
            endif()
            set(afterString TRUE)
            set(blanks "")
            continue()
        endif()
        if(token MATCHES "^//")
            set(token " ")
        elseif(token MATCHES "^/\\*")
            string(REGEX REPLACE "[^\n]" "" token "${token}")
            string(PREPEND token " ")
        endif()
        if(afterString AND token MATCHES "^[ \t\n]*$")
            string(APPEND blanks "${token}")
        else()
            string(APPEND code "${blanks}${token}")
            set(afterString FALSE)
            set(blanks "")
        endif()
    endforeach()
    string(APPEND code "${blanks}")
    string(REPLACE "\"${join}" "" code "${code}")
    set(${out} "${code}" PARENT_SCOPE)
endfunction()
