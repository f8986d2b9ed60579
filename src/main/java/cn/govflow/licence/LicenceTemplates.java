package cn.govflow.licence;

/** Where the licence name and type of an item come from (the catalog, or the item's name). */
interface LicenceTemplates {

    LicenceTemplate forItem(String itemCode, String itemName);
}
