package org.linli.points.internal;

import java.util.List;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.linli.volunteering.ConfirmedHours;
import org.linli.volunteering.ServiceHoursRecorded;
import org.springframework.stereotype.Component;

/**
 * 凤凰山's rule (10 points an hour, +20% at weekends, +10% in the evening, a year's validity), the points
 * its volunteers earned from their demo service records, and the ten merchants of the demo district
 * with their offers and operators (phones 13800009101–13800009110).
 */
@Component
@DemoOnly
class PointsDemoData implements DemoDataSet {

    private record Shop(String code, String name, String kind, String address, List<Merchants.OfferInput> offers,
            List<String> offerCodes) {
    }

    private static final List<Shop> SHOPS = List.of(
            new Shop("fhs-market", "凤凰山惠民超市", "超市", "凤凰山社区北门",
                    List.of(new Merchants.OfferInput("满 30 元减 5 元", 10, null, 4, true),
                            new Merchants.OfferInput("5 斤大米一袋", 50, 40, 1, true),
                            new Merchants.OfferInput("食用油一桶", 80, 20, 1, true)),
                    List.of("five-off", "rice", "oil")),
            new Shop("jinma-fresh", "金马生鲜店", "生鲜", "金马路 12 号",
                    List.of(new Merchants.OfferInput("鸡蛋一盒", 20, 60, 2, true),
                            new Merchants.OfferInput("时令水果一份", 30, 30, 2, true)),
                    List.of("eggs", "fruit")),
            new Shop("xinyu-school", "新语培训学校", "培训机构", "凤凰山路 8 号 2 楼",
                    List.of(new Merchants.OfferInput("少儿美术体验课一节", 60, 20, 1, true),
                            new Merchants.OfferInput("书法体验课一节", 60, 20, 1, true)),
                    List.of("art", "calligraphy")),
            new Shop("mingliang-barber", "明亮理发店", "理发", "凤凰山社区南门",
                    List.of(new Merchants.OfferInput("男士理发一次", 40, null, 1, true),
                            new Merchants.OfferInput("长者理发（70 岁以上）", 20, null, 2, true)),
                    List.of("haircut", "elder-haircut")),
            new Shop("kangjian-pharmacy", "康健大药房", "药店", "金马路 30 号",
                    List.of(new Merchants.OfferInput("免费测血压血糖", 5, null, 4, true),
                            new Merchants.OfferInput("口罩一盒", 15, 100, 2, true)),
                    List.of("checkup", "masks")),
            new Shop("fhs-bakery", "凤凰面包房", "烘焙", "凤凰山路 21 号",
                    List.of(new Merchants.OfferInput("面包一个", 10, null, 4, true),
                            new Merchants.OfferInput("生日蛋糕减 20 元", 60, 10, 1, true)),
                    List.of("bread", "cake")),
            new Shop("laojie-noodles", "老街米线", "餐饮", "凤凰山社区东门",
                    List.of(new Merchants.OfferInput("小锅米线一碗", 30, null, 2, true),
                            new Merchants.OfferInput("满 50 减 10", 40, null, 2, true)),
                    List.of("noodles", "ten-off")),
            new Shop("shuxiang-books", "书香书店", "书店", "金马寺路 5 号",
                    List.of(new Merchants.OfferInput("图书 8 折券", 20, null, 2, true),
                            new Merchants.OfferInput("儿童绘本一本", 50, 30, 1, true)),
                    List.of("discount", "picture-book")),
            new Shop("jieneng-repair", "节能家电维修", "维修", "凤凰山路 40 号",
                    List.of(new Merchants.OfferInput("上门检修一次（不含配件）", 60, null, 1, true),
                            new Merchants.OfferInput("小家电清洗", 30, null, 1, true)),
                    List.of("repair", "cleaning")),
            new Shop("yangguang-photo", "阳光照相馆", "照相", "金马路 18 号",
                    List.of(new Merchants.OfferInput("证件照一版", 20, null, 1, true),
                            new Merchants.OfferInput("全家福一张", 80, 10, 1, true),
                            new Merchants.OfferInput("老照片修复一张", 40, null, 2, true)),
                    List.of("id-photo", "family-photo", "restore")));

    private final PointsRules rules;
    private final Earning earning;
    private final Merchants merchants;
    private final ConfirmedHours confirmed;
    private final Courses courses;
    private final org.linli.activities.ActivityRegistrar activities;

    PointsDemoData(PointsRules rules, Earning earning, Merchants merchants, ConfirmedHours confirmed, Courses courses,
            org.linli.activities.ActivityRegistrar activities) {
        this.courses = courses;
        this.activities = activities;
        this.rules = rules;
        this.earning = earning;
        this.merchants = merchants;
        this.confirmed = confirmed;
    }

    @Override
    public String name() {
        return "points";
    }

    @Override
    public int order() {
        return 65;
    }

    @Override
    public void load() {
        rules.save("fenghuangshan", 10, 20, 10, 12);
        for (ServiceHoursRecorded record : confirmed.confirmedAt("fenghuangshan")) {
            earning.credit(record);
        }
        int n = 0;
        for (Shop shop : SHOPS) {
            n++;
            Merchants.Merchant m = merchants.register("fenghuangshan", new Merchants.NewMerchant(shop.code(),
                    shop.name(), shop.kind(), shop.address(), "1380000%04d".formatted(9100 + n)));
            for (int i = 0; i < shop.offers().size(); i++) {
                merchants.saveOffer(m, shop.offerCodes().get(i), shop.offers().get(i));
            }
        }
        // the smartphone class for elders is a community course paid with points
        activities.upcomingAt("fenghuangshan").stream().filter(a -> a.title().startsWith("长者智能手机课")).findFirst()
                .ifPresent(a -> courses.price("fenghuangshan", a.id(), 20, 24));
    }
}
