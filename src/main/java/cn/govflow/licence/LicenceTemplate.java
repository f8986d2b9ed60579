package cn.govflow.licence;

/** What an item's licence is called: its name (养犬登记证), its type, and the 3-digit type number. */
record LicenceTemplate(String name, String typeName, String typeNumber) {}
