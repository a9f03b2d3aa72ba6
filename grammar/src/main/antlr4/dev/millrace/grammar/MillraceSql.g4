grammar MillraceSql;
statements : EOF ;
