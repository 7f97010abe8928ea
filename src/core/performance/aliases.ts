/**
 * Other names of the same unit, as they appear in notices. Each entry lists names that mean one unit;
 * they are compared after suffix normalisation (see names.ts), so `和丰` also covers `和丰县`.
 * Extend this list (or pass extra groups to matchUnits) when a table uses a name the rules do not know.
 */
export const UNIT_ALIASES: readonly (readonly string[])[] = [
  ["和布克赛尔蒙古自治县", "和丰", "和布克赛尔"],
  ["伊犁哈萨克自治州", "伊犁州", "伊犁"],
  ["巴音郭楞蒙古自治州", "巴州"],
  ["博尔塔拉蒙古自治州", "博州"],
  ["克孜勒苏柯尔克孜自治州", "克州"],
  ["昌吉回族自治州", "昌吉州"],
  ["察布查尔锡伯自治县", "察县", "察布查尔"],
  ["塔什库尔干塔吉克自治县", "塔县", "塔什库尔干"],
  ["焉耆回族自治县", "焉耆"],
  ["木垒哈萨克自治县", "木垒"],
  ["巴里坤哈萨克自治县", "巴里坤"],
  ["新疆生产建设兵团", "兵团"],
];
