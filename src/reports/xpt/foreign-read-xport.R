# The independent reader of the XPT tests: R's foreign::read.xport (SAS's TS-140 C code, compiled
# into R by its authors), run over the files given as arguments. Prints one JSON object:
# {"<file>": {"<DATASET>": {"nobs", "variables": [{"name","type","width","label","format"}],
# "columns": {"<VAR>": [values]}}}}, numbers with 17 significant digits, NA as null.
suppressPackageStartupMessages(library(foreign))

esc <- function(s) {
  s <- gsub("\\", "\\\\", s, fixed = TRUE, useBytes = TRUE)
  s <- gsub("\"", "\\\"", s, fixed = TRUE, useBytes = TRUE)
  s <- gsub("\n", "\\n", s, fixed = TRUE, useBytes = TRUE)
  s <- gsub("\r", "\\r", s, fixed = TRUE, useBytes = TRUE)
  s <- gsub("\t", "\\t", s, fixed = TRUE, useBytes = TRUE)
  paste0("\"", s, "\"")
}
values <- function(x) {
  if (is.numeric(x)) out <- ifelse(is.na(x), "null", sprintf("%.17g", x))
  else out <- ifelse(is.na(x), "null", esc(as.character(x)))
  paste0("[", paste(out, collapse = ","), "]")
}

files <- commandArgs(trailingOnly = TRUE)
parts <- character(0)
for (file in files) {
  info <- lookup.xport(file)
  data <- read.xport(file, as.is = TRUE)
  if (is.data.frame(data)) { data <- list(data); names(data) <- names(info) }
  members <- character(0)
  for (ds in names(info)) {
    meta <- info[[ds]]
    frame <- data[[ds]]
    vars <- character(0)
    for (i in seq_along(meta$name))
      vars <- c(vars, sprintf("{\"name\":%s,\"type\":%s,\"width\":%d,\"label\":%s,\"format\":%s}",
        esc(meta$name[i]), esc(meta$type[i]), meta$width[i], esc(meta$label[i]), esc(meta$format[i])))
    cols <- character(0)
    for (name in names(frame)) cols <- c(cols, paste0(esc(name), ":", values(frame[[name]])))
    members <- c(members, sprintf("%s:{\"nobs\":%d,\"variables\":[%s],\"columns\":{%s}}",
      esc(ds), nrow(frame), paste(vars, collapse = ","), paste(cols, collapse = ",")))
  }
  parts <- c(parts, paste0(esc(file), ":{", paste(members, collapse = ","), "}"))
}
cat(paste0("{", paste(parts, collapse = ","), "}\n"))
