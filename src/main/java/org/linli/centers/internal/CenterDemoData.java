package org.linli.centers.internal;

import java.util.List;
import org.linli.centers.Center;
import org.linli.centers.CenterCode;
import org.linli.centers.CenterLevel;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.springframework.stereotype.Component;

/**
 * The Guandu demo district: the district, its three streets and twelve pilot community centers.
 * Phone numbers are from an unassigned-looking block (0871-6000xxxx); addresses are plausible only.
 */
@Component
@DemoOnly
class CenterDemoData implements DemoDataSet {

    private final CenterRepository repository;
    private final org.linli.centers.Centers centers;

    CenterDemoData(CenterRepository repository, org.linli.centers.Centers centers) {
        this.repository = repository;
        this.centers = centers;
    }

    @Override
    public String name() {
        return "centers";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void load() {
        centers().forEach(repository::insert);
        centers.refresh();
    }

    static List<Center> centers() {
        return List.of(
                node("guandu", "官渡区党群服务中心", "Guandu District Service Center", CenterLevel.DISTRICT, null,
                        "昆明市官渡区关上中路 1 号", "1 Guanshang Middle Rd, Guandu, Kunming", "0871-60000100"),
                street("guanshang", "关上街道党群服务中心", "Guanshang Street Service Center",
                        "官渡区关上中路 88 号", "88 Guanshang Middle Rd", "0871-60000200"),
                street("taihe", "太和街道党群服务中心", "Taihe Street Service Center",
                        "官渡区北京路 1020 号", "1020 Beijing Rd", "0871-60000300"),
                street("jinma", "金马街道党群服务中心", "Jinma Street Service Center",
                        "官渡区金马路 66 号", "66 Jinma Rd", "0871-60000400"),
                community("xiaojie", "guanshang", "小街社区党群服务中心", "Xiaojie Community Service Center",
                        "官渡区小街 18 号", "18 Xiaojie St", "0871-60000201"),
                community("shihuguan", "guanshang", "石虎关社区党群服务中心", "Shihuguan Community Service Center",
                        "官渡区石虎关路 9 号", "9 Shihuguan Rd", "0871-60000202"),
                community("dongjiawan", "guanshang", "董家湾社区党群服务中心", "Dongjiawan Community Service Center",
                        "官渡区董家湾路 21 号", "21 Dongjiawan Rd", "0871-60000203"),
                community("xiaoshiba", "guanshang", "小石坝社区党群服务中心", "Xiaoshiba Community Service Center",
                        "官渡区小石坝路 5 号", "5 Xiaoshiba Rd", "0871-60000204"),
                community("beijinglu", "taihe", "北京路党群服务中心", "Beijing Road Service Center",
                        "官渡区北京路 618 号", "618 Beijing Rd", "0871-60000301"),
                community("dongzhan", "taihe", "东站社区党群服务中心", "Dongzhan Community Service Center",
                        "官渡区东站路 12 号", "12 Dongzhan Rd", "0871-60000302"),
                community("jiangan", "taihe", "江岸社区党群服务中心", "Jiang'an Community Service Center",
                        "官渡区江岸路 33 号", "33 Jiang'an Rd", "0871-60000303"),
                community("qianxing", "taihe", "前兴社区党群服务中心", "Qianxing Community Service Center",
                        "官渡区前兴路 7 号", "7 Qianxing Rd", "0871-60000304"),
                community("fenghuangshan", "jinma", "凤凰山社区党群服务中心", "Fenghuangshan Community Service Center",
                        "官渡区凤凰山路 2 号", "2 Fenghuangshan Rd", "0871-60000401"),
                community("jinmasi", "jinma", "金马寺社区党群服务中心", "Jinmasi Community Service Center",
                        "官渡区金马寺路 15 号", "15 Jinmasi Rd", "0871-60000402"),
                community("dashuying", "jinma", "大树营社区党群服务中心", "Dashuying Community Service Center",
                        "官渡区大树营路 40 号", "40 Dashuying Rd", "0871-60000403"),
                community("luojiaying", "jinma", "罗家营社区党群服务中心", "Luojiaying Community Service Center",
                        "官渡区罗家营路 3 号", "3 Luojiaying Rd", "0871-60000404"));
    }

    private static Center street(String code, String zh, String en, String addressZh, String addressEn,
            String phone) {
        return node(code, zh, en, CenterLevel.STREET, "guandu", addressZh, addressEn + ", Guandu", phone);
    }

    private static Center community(String code, String parent, String zh, String en, String addressZh,
            String addressEn, String phone) {
        return node(code, zh, en, CenterLevel.COMMUNITY, parent, addressZh, addressEn + ", Guandu", phone);
    }

    private static Center node(String code, String zh, String en, CenterLevel level, String parent,
            String addressZh, String addressEn, String phone) {
        return new Center(new CenterCode(code), zh, en, level, parent == null ? null : new CenterCode(parent),
                addressZh, addressEn, phone);
    }
}
