package cn.govflow.licence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the licence from the item's name: the title in 《》 is the licence (核发《养犬登记证》(补证) →
 * 养犬登记证, type 证照 001); an item without one gets a written approval (准予行政许可决定书, type 批准文件 002).
 */
class ItemNameLicenceTemplates implements LicenceTemplates {

    private static final Pattern TITLE = Pattern.compile("《([^》]+)》");

    @Override
    public LicenceTemplate forItem(String itemCode, String itemName) {
        Matcher title = TITLE.matcher(itemName == null ? "" : itemName);
        if (title.find()) {
            return new LicenceTemplate(title.group(1), "证照", "001");
        }
        return new LicenceTemplate(itemName == null ? "准予行政许可决定书" : itemName + "准予行政许可决定书", "批准文件", "002");
    }
}
