package synth

import "math"

// Branch is one node of the demo technology decomposition tree (技术分解表): a level-1 branch or a
// level-2 leaf under it, defined by classification codes and keywords. The demo navigation
// config matches these definitions.
type Branch struct {
	ID         string   // stable id, e.g. "FC" (level 1) or "FC.ATT" (level 2)
	Parent     string   // parent id; "" for level 1
	Level      int      // 1 or 2
	NameZh     string   // Chinese name, e.g. 飞行控制
	NameEn     string   // English name, e.g. flight control
	IPC        []string // IPC codes (canonical, e.g. G05D1/10) generated for this branch
	CPC        []string // CPC codes generated for this branch
	KeywordsZh []string // Chinese title/abstract phrases characteristic of the branch
	KeywordsEn []string // English title/abstract phrases characteristic of the branch
}

type phrase = [2]string // {zh, en}

// l1Def is a level-1 branch with its life-cycle curve.
type l1Def struct {
	id, zh, en string
	weight     float64  // share of the industry at its peak
	usc        []string // US classifications used on pre-2015 US documents
	effects    []int    // indices into effects preferred by this branch
}

// leafDef is a level-2 branch: codes, vocabulary and its own logistic curve.
type leafDef struct {
	id, parent, zh, en  string
	ipc, cpc            []string
	share               float64  // share within the parent
	t0, k               float64  // logistic midpoint (year) and steepness
	bumpA, bumpC, bumpW float64  // optional Gaussian burst: amplitude (× peak), centre year, width
	objs                []phrase // devices and methods (title heads)
	techs               []phrase // techniques ("based on …")
	comps               []phrase // components (abstract body)
	funcs               []phrase // functions of the first component
}

var effects = []phrase{
	{"提高了飞行稳定性", "improves flight stability"},
	{"延长了续航时间", "extends the endurance"},
	{"降低了生产成本", "reduces production cost"},
	{"减轻了整机重量", "reduces the overall weight"},
	{"提高了定位精度", "improves positioning accuracy"},
	{"提高了作业效率", "improves operating efficiency"},
	{"提高了安全性", "improves safety"},
	{"增强了抗干扰能力", "enhances anti-interference capability"},
	{"降低了通信时延", "reduces communication latency"},
	{"提高了识别准确率", "improves recognition accuracy"},
	{"便于携带和收纳", "is convenient to carry and store"},
	{"结构简单，易于维护", "has a simple structure and is easy to maintain"},
}

var l1Defs = []l1Def{
	{"FC", "飞行控制", "flight control", 0.20, []string{"701/2", "701/3", "244/190"}, []int{0, 4, 6}},
	{"PW", "动力与能源", "propulsion and power", 0.13, []string{"244/53R", "320/109", "244/60"}, []int{1, 3, 2}},
	{"CM", "通信与链路", "communication", 0.12, []string{"455/431", "455/12.1", "370/316"}, []int{8, 7, 6}},
	{"SN", "感知与避障", "sensing and obstacle avoidance", 0.15, []string{"701/301", "348/144", "382/103"}, []int{9, 6, 4}},
	{"AF", "机体结构", "airframe", 0.18, []string{"244/17.23", "244/39", "244/120"}, []int{3, 10, 11, 0}},
	{"PL", "任务载荷", "payloads and applications", 0.17, []string{"239/171", "348/144", "244/137.1"}, []int{5, 2, 4}},
	{"CU", "反无人机", "counter-drone", 0.05, []string{"342/13", "455/1", "89/1.11"}, []int{9, 7, 6}},
}

var leafDefs = []leafDef{
	// ---- 飞行控制 flight control
	{id: "FC.ATT", parent: "FC", zh: "姿态控制", en: "attitude control",
		ipc:   []string{"G05D1/08", "G05D1/10", "B64C13/18", "B64C19/00"},
		cpc:   []string{"G05D1/0858", "G05D1/101", "B64C13/18", "B64U2201/10"},
		share: 0.35, t0: 2017, k: 0.45,
		objs:  []phrase{{"无人机姿态控制方法", "attitude control method for unmanned aerial vehicle"}, {"多旋翼飞行器增稳控制系统", "stabilization control system for multi-rotor aircraft"}, {"飞行控制器", "flight controller"}, {"无人机抗风控制方法", "wind-resistant control method for unmanned aerial vehicle"}},
		techs: []phrase{{"自抗扰控制", "active disturbance rejection control"}, {"模糊PID", "fuzzy PID"}, {"滑模控制", "sliding mode control"}},
		comps: []phrase{{"惯性测量单元", "inertial measurement unit"}, {"姿态解算模块", "attitude calculation module"}, {"电子调速器", "electronic speed controller"}, {"控制器", "controller"}, {"陀螺仪", "gyroscope"}},
		funcs: []phrase{{"采集飞行器的角速度和加速度", "acquire the angular velocity and acceleration of the aircraft"}, {"根据期望姿态计算控制量", "calculate a control quantity according to a desired attitude"}, {"补偿外部扰动", "compensate for external disturbance"}}},
	{id: "FC.NAV", parent: "FC", zh: "导航定位", en: "navigation and positioning",
		ipc:   []string{"G01C21/20", "G01S19/42", "G05D1/10", "G01C21/16"},
		cpc:   []string{"G01C21/20", "G01S19/49", "G05D1/101", "G01C21/165"},
		share: 0.25, t0: 2018, k: 0.42,
		objs:  []phrase{{"无人机组合导航方法", "integrated navigation method for unmanned aerial vehicle"}, {"无人机精准降落方法", "precise landing method for unmanned aerial vehicle"}, {"卫星导航定位装置", "satellite navigation positioning device"}},
		techs: []phrase{{"RTK差分定位", "RTK differential positioning"}, {"卡尔曼滤波", "Kalman filtering"}, {"视觉惯性里程计", "visual inertial odometry"}},
		comps: []phrase{{"GNSS接收机", "GNSS receiver"}, {"惯性导航单元", "inertial navigation unit"}, {"数据融合模块", "data fusion module"}, {"地磁传感器", "geomagnetic sensor"}},
		funcs: []phrase{{"获取无人机的位置信息", "obtain position information of the unmanned aerial vehicle"}, {"融合多源定位数据", "fuse multi-source positioning data"}, {"修正累积误差", "correct accumulated errors"}}},
	{id: "FC.PATH", parent: "FC", zh: "航线规划与集群", en: "route planning and swarms",
		ipc:   []string{"G05D1/10", "G08G5/00", "G05D1/02", "G06Q10/04"},
		cpc:   []string{"G05D1/104", "G08G5/0069", "G08G5/0039", "B64U2201/102"},
		share: 0.22, t0: 2019.5, k: 0.45,
		objs:  []phrase{{"无人机航线规划方法", "route planning method for unmanned aerial vehicle"}, {"无人机集群编队控制方法", "formation control method for unmanned aerial vehicle swarm"}, {"多无人机协同任务分配方法", "cooperative task allocation method for multiple unmanned aerial vehicles"}},
		techs: []phrase{{"改进蚁群算法", "improved ant colony algorithm"}, {"强化学习", "reinforcement learning"}, {"一致性理论", "consensus theory"}},
		comps: []phrase{{"任务规划模块", "mission planning module"}, {"航点生成单元", "waypoint generation unit"}, {"集群通信模块", "swarm communication module"}, {"冲突消解单元", "conflict resolution unit"}},
		funcs: []phrase{{"根据作业区域生成航线", "generate a route according to the operation area"}, {"为各无人机分配任务", "allocate tasks to each unmanned aerial vehicle"}, {"保持编队队形", "maintain the formation"}}},
	{id: "FC.RC", parent: "FC", zh: "遥控与地面站", en: "remote control and ground station",
		ipc:   []string{"G05D1/00", "G08C17/02", "G06F3/0488", "B64C13/20"},
		cpc:   []string{"G05D1/0011", "G05D1/0016", "G08C17/02", "B64U2201/20"},
		share: 0.18, t0: 2016.5, k: 0.5,
		objs:  []phrase{{"无人机遥控器", "remote controller for unmanned aerial vehicle"}, {"无人机地面控制站", "ground control station for unmanned aerial vehicle"}, {"手势控制无人机的方法", "method for controlling unmanned aerial vehicle by gestures"}},
		techs: []phrase{{"体感交互", "somatosensory interaction"}, {"移动终端", "mobile terminal"}},
		comps: []phrase{{"操纵杆", "joystick"}, {"显示屏", "display screen"}, {"遥控信号发射模块", "remote control signal transmitting module"}, {"主控芯片", "main control chip"}},
		funcs: []phrase{{"接收用户的操控指令", "receive control instructions from a user"}, {"显示飞行参数", "display flight parameters"}, {"发送控制信号", "send control signals"}}},
	// ---- 动力与能源 propulsion & power
	{id: "PW.BAT", parent: "PW", zh: "电池与能源管理", en: "battery and energy management",
		ipc:   []string{"H01M10/44", "H01M10/42", "B64D27/24", "H02J7/00"},
		cpc:   []string{"H01M10/44", "H01M10/425", "B64U50/19", "H02J7/0047"},
		share: 0.35, t0: 2018.5, k: 0.4,
		objs:  []phrase{{"无人机智能电池", "intelligent battery for unmanned aerial vehicle"}, {"无人机电池管理系统", "battery management system for unmanned aerial vehicle"}, {"电池剩余电量估计方法", "method for estimating remaining battery capacity"}},
		techs: []phrase{{"温度补偿", "temperature compensation"}, {"神经网络", "neural network"}},
		comps: []phrase{{"电芯组", "battery cell group"}, {"电量检测电路", "power detection circuit"}, {"加热模块", "heating module"}, {"电池外壳", "battery housing"}},
		funcs: []phrase{{"监测电池的电压和温度", "monitor the voltage and temperature of the battery"}, {"估计剩余飞行时间", "estimate the remaining flight time"}, {"在低温环境下加热电芯", "heat the cells in low-temperature environments"}}},
	{id: "PW.MOT", parent: "PW", zh: "电机与螺旋桨", en: "motors and propellers",
		ipc:   []string{"B64C11/00", "H02K7/14", "B64D35/00", "B64C11/20"},
		cpc:   []string{"B64C11/001", "H02K7/14", "B64U50/13", "B64C11/20"},
		share: 0.3, t0: 2017.5, k: 0.45,
		objs:  []phrase{{"无人机螺旋桨", "propeller for unmanned aerial vehicle"}, {"无刷电机", "brushless motor"}, {"低噪声桨叶", "low-noise blade"}, {"动力组件", "power assembly"}},
		techs: []phrase{{"仿生翼型", "bionic airfoil"}, {"快拆结构", "quick-release structure"}},
		comps: []phrase{{"桨叶", "blade"}, {"桨毂", "hub"}, {"电机转子", "motor rotor"}, {"锁紧件", "locking member"}},
		funcs: []phrase{{"产生升力", "generate lift"}, {"与电机轴快速连接", "quickly connect with the motor shaft"}, {"降低气动噪声", "reduce aerodynamic noise"}}},
	{id: "PW.CHG", parent: "PW", zh: "充电与换电", en: "charging and battery swap",
		ipc:   []string{"B60L53/00", "B60L53/80", "B64F1/36", "H02J7/00"},
		cpc:   []string{"B60L53/80", "B64U50/37", "B64F1/362", "H02J7/0042"},
		share: 0.2, t0: 2020, k: 0.45,
		objs:  []phrase{{"无人机自动换电机巢", "automatic battery-swapping nest for unmanned aerial vehicle"}, {"无人机无线充电平台", "wireless charging platform for unmanned aerial vehicle"}, {"无人机停机坪", "landing pad for unmanned aerial vehicle"}},
		techs: []phrase{{"电磁感应", "electromagnetic induction"}, {"机械臂", "mechanical arm"}},
		comps: []phrase{{"充电触点", "charging contact"}, {"换电机械手", "battery-swapping manipulator"}, {"归中机构", "centering mechanism"}, {"电池仓", "battery compartment"}},
		funcs: []phrase{{"对降落的无人机进行定位", "position the landed unmanned aerial vehicle"}, {"自动更换电池", "automatically replace the battery"}, {"为电池充电", "charge the battery"}}},
	{id: "PW.HYB", parent: "PW", zh: "混合动力与燃料电池", en: "hybrid power and fuel cells",
		ipc:   []string{"B64D27/02", "H01M8/04", "B64D27/24", "B64D37/00"},
		cpc:   []string{"B64D27/026", "H01M8/04", "B64U50/32", "B64D27/24"},
		share: 0.15, t0: 2020.5, k: 0.4,
		objs:  []phrase{{"油电混合动力无人机", "oil-electric hybrid unmanned aerial vehicle"}, {"氢燃料电池动力系统", "hydrogen fuel cell power system"}, {"增程式动力装置", "range-extending power device"}},
		techs: []phrase{{"能量管理策略", "energy management strategy"}, {"功率分配", "power distribution"}},
		comps: []phrase{{"发动机", "engine"}, {"发电机", "generator"}, {"燃料电池堆", "fuel cell stack"}, {"储氢瓶", "hydrogen storage bottle"}},
		funcs: []phrase{{"为电机提供电能", "supply electric energy to the motors"}, {"根据负载分配功率", "distribute power according to the load"}, {"回收多余能量", "recover surplus energy"}}},
	// ---- 通信与链路 communication
	{id: "CM.LINK", parent: "CM", zh: "图传与数据链", en: "video transmission and data link",
		ipc:   []string{"H04B7/185", "H04N7/18", "H04L67/12", "H04W4/40"},
		cpc:   []string{"H04B7/18506", "H04N7/185", "H04L67/12", "H04W4/40"},
		share: 0.45, t0: 2018, k: 0.42,
		objs:  []phrase{{"无人机图像传输系统", "image transmission system for unmanned aerial vehicle"}, {"无人机数据链路", "data link for unmanned aerial vehicle"}, {"低延时视频传输方法", "low-latency video transmission method"}},
		techs: []phrase{{"OFDM调制", "OFDM modulation"}, {"自适应码率", "adaptive bit rate"}},
		comps: []phrase{{"图传模块", "image transmission module"}, {"射频前端", "radio frequency front end"}, {"编码器", "encoder"}, {"天线组件", "antenna assembly"}},
		funcs: []phrase{{"压缩并发送视频数据", "compress and transmit video data"}, {"选择最优信道", "select the optimal channel"}, {"估计链路质量", "estimate link quality"}}},
	{id: "CM.CELL", parent: "CM", zh: "蜂窝网联", en: "cellular connectivity",
		ipc:   []string{"H04W84/06", "H04W36/00", "H04B7/185", "H04W4/44"},
		cpc:   []string{"H04W84/06", "H04W36/08", "H04B7/18504", "H04W4/44"},
		share: 0.3, t0: 2020, k: 0.45, bumpA: 0.35, bumpC: 2020, bumpW: 1.2,
		objs:  []phrase{{"基于蜂窝网络的无人机通信方法", "unmanned aerial vehicle communication method based on cellular network"}, {"网联无人机管理平台", "networked unmanned aerial vehicle management platform"}, {"空中基站切换方法", "handover method for aerial base station"}},
		techs: []phrase{{"5G", "5G"}, {"边缘计算", "edge computing"}},
		comps: []phrase{{"通信模组", "communication module"}, {"核心网", "core network"}, {"基站", "base station"}, {"用户识别模块", "subscriber identity module"}},
		funcs: []phrase{{"接入移动通信网络", "access the mobile communication network"}, {"上报飞行状态", "report the flight status"}, {"执行小区切换", "perform cell handover"}}},
	{id: "CM.RELAY", parent: "CM", zh: "中继与组网", en: "relay and networking",
		ipc:   []string{"H04B7/14", "H04W84/18", "H04W40/22", "H04B7/185"},
		cpc:   []string{"H04B7/14", "H04W84/18", "H04W40/22", "H04B7/18504"},
		share: 0.25, t0: 2019, k: 0.4,
		objs:  []phrase{{"无人机中继通信系统", "relay communication system using unmanned aerial vehicle"}, {"无人机自组网方法", "ad hoc networking method for unmanned aerial vehicles"}, {"应急通信无人机", "emergency communication unmanned aerial vehicle"}},
		techs: []phrase{{"软件定义网络", "software defined network"}, {"路由优化", "routing optimization"}},
		comps: []phrase{{"中继节点", "relay node"}, {"路由模块", "routing module"}, {"通信载荷", "communication payload"}, {"地面终端", "ground terminal"}},
		funcs: []phrase{{"转发地面终端的数据", "forward data from ground terminals"}, {"建立多跳链路", "establish multi-hop links"}, {"恢复受灾区域通信", "restore communication in disaster areas"}}},
	// ---- 感知与避障 sensing & obstacle avoidance
	{id: "SN.LIDAR", parent: "SN", zh: "激光雷达与测距", en: "lidar and ranging",
		ipc:   []string{"G01S17/93", "G01S17/89", "G01S13/93", "G01S7/48"},
		cpc:   []string{"G01S17/933", "G01S17/89", "G01S13/933", "G01S7/4808"},
		share: 0.25, t0: 2020.5, k: 0.42,
		objs:  []phrase{{"无人机激光雷达测距装置", "lidar ranging device for unmanned aerial vehicle"}, {"毫米波雷达避障系统", "millimeter-wave radar obstacle avoidance system"}, {"超声波测距模块", "ultrasonic ranging module"}},
		techs: []phrase{{"飞行时间测量", "time-of-flight measurement"}, {"点云滤波", "point cloud filtering"}},
		comps: []phrase{{"激光发射器", "laser transmitter"}, {"接收透镜", "receiving lens"}, {"信号处理电路", "signal processing circuit"}, {"旋转扫描机构", "rotary scanning mechanism"}},
		funcs: []phrase{{"测量障碍物的距离", "measure the distance to an obstacle"}, {"生成三维点云", "generate a three-dimensional point cloud"}, {"滤除噪声回波", "filter out noise echoes"}}},
	{id: "SN.VIS", parent: "SN", zh: "视觉识别", en: "visual recognition",
		ipc:   []string{"G06V20/17", "G06V20/13", "G06V10/82", "G06N3/08"},
		cpc:   []string{"G06V20/17", "G06V20/13", "G06V10/82", "G06N3/08"},
		share: 0.3, t0: 2021.5, k: 0.5,
		objs:  []phrase{{"航拍图像目标检测方法", "target detection method for aerial images"}, {"无人机目标跟踪方法", "target tracking method for unmanned aerial vehicle"}, {"输电线路缺陷识别方法", "defect recognition method for power transmission lines"}},
		techs: []phrase{{"深度学习", "deep learning"}, {"卷积神经网络", "convolutional neural network"}, {"注意力机制", "attention mechanism"}},
		comps: []phrase{{"图像采集模块", "image acquisition module"}, {"特征提取网络", "feature extraction network"}, {"检测头", "detection head"}, {"跟踪模块", "tracking module"}},
		funcs: []phrase{{"获取待检测图像", "acquire images to be detected"}, {"提取多尺度特征", "extract multi-scale features"}, {"输出目标的类别和位置", "output the category and position of targets"}}},
	{id: "SN.SLAM", parent: "SN", zh: "视觉定位与建图", en: "visual localization and mapping",
		ipc:   []string{"G06T7/70", "G06T7/73", "G01C21/16", "G06T17/05"},
		cpc:   []string{"G06T7/70", "G06T7/74", "G01C21/1656", "G06T17/05"},
		share: 0.2, t0: 2020, k: 0.45,
		objs:  []phrase{{"无人机视觉定位方法", "visual positioning method for unmanned aerial vehicle"}, {"三维地图构建方法", "three-dimensional map construction method"}, {"双目视觉测距装置", "binocular vision ranging device"}},
		techs: []phrase{{"特征点匹配", "feature point matching"}, {"光流法", "optical flow"}},
		comps: []phrase{{"双目相机", "binocular camera"}, {"位姿估计模块", "pose estimation module"}, {"地图优化模块", "map optimization module"}, {"回环检测单元", "loop closure detection unit"}},
		funcs: []phrase{{"估计相机位姿", "estimate the camera pose"}, {"构建环境地图", "construct an environment map"}, {"在无卫星信号时定位", "position without satellite signals"}}},
	{id: "SN.AVOID", parent: "SN", zh: "避障决策", en: "obstacle avoidance decision",
		ipc:   []string{"G05D1/10", "G08G5/04", "G05D1/02", "G01S17/93"},
		cpc:   []string{"G05D1/106", "G08G5/045", "G08G5/04", "G01S17/933"},
		share: 0.25, t0: 2019.5, k: 0.45,
		objs:  []phrase{{"无人机避障方法", "obstacle avoidance method for unmanned aerial vehicle"}, {"无人机防碰撞系统", "anti-collision system for unmanned aerial vehicle"}, {"自主避障无人机", "autonomous obstacle-avoiding unmanned aerial vehicle"}},
		techs: []phrase{{"人工势场法", "artificial potential field"}, {"多传感器融合", "multi-sensor fusion"}},
		comps: []phrase{{"感知模块", "sensing module"}, {"决策模块", "decision module"}, {"避障传感器", "obstacle avoidance sensor"}, {"路径重规划单元", "path re-planning unit"}},
		funcs: []phrase{{"识别飞行路径上的障碍物", "identify obstacles on the flight path"}, {"计算避让轨迹", "calculate an avoidance trajectory"}, {"控制无人机悬停或绕行", "control the unmanned aerial vehicle to hover or detour"}}},
	// ---- 机体结构 airframe
	{id: "AF.MR", parent: "AF", zh: "多旋翼机体", en: "multirotor airframe",
		ipc:   []string{"B64C39/02", "B64C27/08", "B64U10/13", "B64U10/14"},
		cpc:   []string{"B64C39/024", "B64C27/08", "B64U10/13", "B64U10/14"},
		share: 0.38, t0: 2016.5, k: 0.55,
		objs:  []phrase{{"多旋翼无人机", "multi-rotor unmanned aerial vehicle"}, {"四旋翼飞行器", "quadrotor aircraft"}, {"无人机机身", "fuselage of unmanned aerial vehicle"}},
		techs: []phrase{{"碳纤维复合材料", "carbon fiber composite"}, {"一体化成型", "integrated molding"}},
		comps: []phrase{{"中心机架", "central frame"}, {"机臂", "arm"}, {"上壳体", "upper housing"}, {"减震组件", "damping assembly"}},
		funcs: []phrase{{"安装飞控和电池", "mount the flight controller and battery"}, {"支撑动力组件", "support the power assembly"}, {"吸收振动", "absorb vibration"}}},
	{id: "AF.FOLD", parent: "AF", zh: "折叠机臂与起落架", en: "folding arms and landing gear",
		ipc:   []string{"B64C1/30", "B64C25/32", "B64U30/12", "B64C25/06"},
		cpc:   []string{"B64C1/30", "B64U30/12", "B64U30/293", "B64C25/06"},
		share: 0.25, t0: 2017.5, k: 0.5,
		objs:  []phrase{{"无人机折叠机臂", "folding arm for unmanned aerial vehicle"}, {"可收放起落架", "retractable landing gear"}, {"便携式折叠无人机", "portable foldable unmanned aerial vehicle"}},
		techs: []phrase{{"卡扣锁定", "snap-fit locking"}, {"舵机驱动", "servo drive"}},
		comps: []phrase{{"转轴", "rotating shaft"}, {"锁定机构", "locking mechanism"}, {"支脚", "leg"}, {"连接座", "connecting seat"}},
		funcs: []phrase{{"使机臂相对机身转动", "allow the arm to rotate relative to the fuselage"}, {"锁定展开状态", "lock the unfolded state"}, {"缓冲着陆冲击", "buffer the landing impact"}}},
	{id: "AF.VTOL", parent: "AF", zh: "固定翼与垂直起降", en: "fixed-wing and VTOL",
		ipc:   []string{"B64C29/00", "B64C39/02", "B64U10/25", "B64C27/26"},
		cpc:   []string{"B64C29/0033", "B64C39/024", "B64U10/25", "B64C27/26"},
		share: 0.27, t0: 2018.5, k: 0.4,
		objs:  []phrase{{"垂直起降固定翼无人机", "vertical take-off and landing fixed-wing unmanned aerial vehicle"}, {"倾转旋翼飞行器", "tilt-rotor aircraft"}, {"复合翼无人机", "composite-wing unmanned aerial vehicle"}},
		techs: []phrase{{"倾转机构", "tilting mechanism"}, {"模式切换控制", "mode switching control"}},
		comps: []phrase{{"机翼", "wing"}, {"垂直起降旋翼", "vertical lift rotor"}, {"推力螺旋桨", "thrust propeller"}, {"倾转舵机", "tilting servo"}},
		funcs: []phrase{{"提供巡航升力", "provide cruise lift"}, {"在悬停与平飞之间切换", "switch between hovering and level flight"}, {"驱动旋翼倾转", "drive the rotor to tilt"}}},
	{id: "AF.TGT", parent: "AF", zh: "靶机", en: "target drones",
		ipc:   []string{"F41J9/08", "F41J9/10", "B64C39/02", "F41J2/00"},
		cpc:   []string{"F41J9/08", "F41J9/10", "B64C39/024", "F41J2/00"},
		share: 0.10, t0: 2007, k: 0.3,
		objs:  []phrase{{"靶机", "target drone"}, {"拖靶装置", "towed target device"}, {"靶机回收系统", "target drone recovery system"}},
		techs: []phrase{{"伞降回收", "parachute recovery"}, {"弹射起飞", "catapult launch"}},
		comps: []phrase{{"靶标", "target"}, {"脱靶量指示器", "miss distance indicator"}, {"回收伞", "recovery parachute"}, {"弹射架", "launcher"}},
		funcs: []phrase{{"模拟来袭目标", "simulate an incoming target"}, {"测量脱靶量", "measure the miss distance"}, {"实现靶机回收", "recover the target drone"}}},
	// ---- 任务载荷 payloads & applications
	{id: "PL.SPRAY", parent: "PL", zh: "植保喷洒", en: "crop spraying",
		ipc:   []string{"A01M7/00", "B64D1/18", "A01C21/00", "B05B1/14"},
		cpc:   []string{"A01M7/0089", "B64D1/18", "B64U2101/45", "A01C21/005"},
		share: 0.3, t0: 2018.5, k: 0.5,
		objs:  []phrase{{"植保无人机", "plant protection unmanned aerial vehicle"}, {"无人机喷洒系统", "spraying system for unmanned aerial vehicle"}, {"变量施药方法", "variable-rate pesticide application method"}},
		techs: []phrase{{"离心雾化", "centrifugal atomization"}, {"处方图", "prescription map"}},
		comps: []phrase{{"药箱", "pesticide tank"}, {"喷头", "nozzle"}, {"水泵", "water pump"}, {"流量计", "flow meter"}},
		funcs: []phrase{{"储存药液", "store the liquid pesticide"}, {"将药液雾化喷出", "atomize and spray the liquid"}, {"根据飞行速度调节流量", "adjust the flow according to the flight speed"}}},
	{id: "PL.SURV", parent: "PL", zh: "航测与巡检", en: "mapping and inspection",
		ipc:   []string{"G01C11/02", "G01C11/00", "H02G1/02", "G01N21/88"},
		cpc:   []string{"G01C11/02", "B64U2101/30", "H02G1/02", "G01N21/8851"},
		share: 0.3, t0: 2019.5, k: 0.42,
		objs:  []phrase{{"无人机倾斜摄影测量方法", "oblique photogrammetry method using unmanned aerial vehicle"}, {"输电线路巡检无人机", "power line inspection unmanned aerial vehicle"}, {"无人机航测系统", "aerial survey system using unmanned aerial vehicle"}},
		techs: []phrase{{"像控点", "image control points"}, {"自动巡检", "automatic inspection"}},
		comps: []phrase{{"航测相机", "aerial survey camera"}, {"巡检终端", "inspection terminal"}, {"影像处理单元", "image processing unit"}, {"数据服务器", "data server"}},
		funcs: []phrase{{"采集地面影像", "acquire ground images"}, {"生成数字正射影像", "generate digital orthophotos"}, {"识别线路缺陷", "identify line defects"}}},
	{id: "PL.GIM", parent: "PL", zh: "云台与相机", en: "gimbals and cameras",
		ipc:   []string{"F16M11/12", "G03B15/00", "H04N23/695", "B64D47/08"},
		cpc:   []string{"F16M11/123", "G03B15/006", "H04N23/695", "B64D47/08"},
		share: 0.25, t0: 2017, k: 0.5,
		objs:  []phrase{{"三轴云台", "three-axis gimbal"}, {"云台控制方法", "gimbal control method"}, {"无人机航拍相机", "aerial camera for unmanned aerial vehicle"}},
		techs: []phrase{{"增稳算法", "stabilization algorithm"}, {"无刷直驱", "brushless direct drive"}},
		comps: []phrase{{"俯仰轴电机", "pitch axis motor"}, {"横滚轴组件", "roll axis assembly"}, {"相机支架", "camera bracket"}, {"减震球", "damping ball"}},
		funcs: []phrase{{"保持相机稳定", "keep the camera stable"}, {"调整拍摄角度", "adjust the shooting angle"}, {"隔离机身振动", "isolate fuselage vibration"}}},
	{id: "PL.DLV", parent: "PL", zh: "物流投递", en: "delivery and logistics",
		ipc:   []string{"B64D1/22", "B64D1/12", "G06Q10/08", "B64D9/00"},
		cpc:   []string{"B64D1/22", "B64U2101/60", "G06Q10/0832", "B64D1/12"},
		share: 0.15, t0: 2020, k: 0.45,
		objs:  []phrase{{"无人机配送系统", "unmanned aerial vehicle delivery system"}, {"货物投放装置", "cargo release device"}, {"无人机快递柜", "express cabinet for unmanned aerial vehicle"}},
		techs: []phrase{{"绞盘吊放", "winch lowering"}, {"智能调度", "intelligent scheduling"}},
		comps: []phrase{{"货舱", "cargo compartment"}, {"挂钩", "hook"}, {"绞盘", "winch"}, {"调度服务器", "dispatch server"}},
		funcs: []phrase{{"装载待配送货物", "load the goods to be delivered"}, {"在目标位置释放货物", "release the goods at the target location"}, {"规划配送任务", "plan delivery tasks"}}},
	// ---- 反无人机 counter-drone
	{id: "CU.DET", parent: "CU", zh: "探测识别", en: "detection and identification",
		ipc:   []string{"G01S13/88", "G01S7/41", "G01S3/80", "G06V20/52"},
		cpc:   []string{"G01S13/88", "G01S7/417", "G01S3/8006", "G06V20/52"},
		share: 0.4, t0: 2022, k: 0.55,
		objs:  []phrase{{"低慢小目标探测方法", "detection method for low-altitude slow small targets"}, {"无人机频谱侦测系统", "drone spectrum detection system"}, {"黑飞无人机识别方法", "method for identifying unauthorized drones"}},
		techs: []phrase{{"射频指纹", "radio frequency fingerprint"}, {"雷达光电融合", "radar and electro-optical fusion"}},
		comps: []phrase{{"侦测天线阵列", "detection antenna array"}, {"雷达单元", "radar unit"}, {"光电跟踪仪", "electro-optical tracker"}, {"识别模块", "identification module"}},
		funcs: []phrase{{"接收无人机的遥控信号", "receive remote control signals of drones"}, {"确定目标的方位", "determine the bearing of the target"}, {"判别目标类型", "classify the target type"}}},
	{id: "CU.JAM", parent: "CU", zh: "干扰压制", en: "jamming and spoofing",
		ipc:   []string{"H04K3/00", "G01S19/21", "F41H13/00", "H04B1/10"},
		cpc:   []string{"H04K3/92", "H04K3/43", "G01S19/215", "H04K2203/22"},
		share: 0.35, t0: 2022.5, k: 0.6,
		objs:  []phrase{{"无人机干扰设备", "drone jamming device"}, {"导航诱骗方法", "navigation spoofing method"}, {"便携式反无人机枪", "portable anti-drone gun"}},
		techs: []phrase{{"定向干扰", "directional jamming"}, {"GNSS欺骗", "GNSS spoofing"}},
		comps: []phrase{{"干扰信号发生器", "jamming signal generator"}, {"功率放大器", "power amplifier"}, {"定向天线", "directional antenna"}, {"诱骗信号源", "spoofing signal source"}},
		funcs: []phrase{{"压制无人机的通信链路", "suppress the communication link of the drone"}, {"诱导无人机降落", "induce the drone to land"}, {"切断图传信号", "cut off the image transmission signal"}}},
	{id: "CU.CAP", parent: "CU", zh: "捕获拦截", en: "capture and interception",
		ipc:   []string{"F41H11/02", "F41H11/04", "F41H13/00", "B64C39/02"},
		cpc:   []string{"F41H11/02", "F41H11/04", "B64U2101/15", "F41H13/0006"},
		share: 0.25, t0: 2021.5, k: 0.5,
		objs:  []phrase{{"无人机捕获网", "drone capture net"}, {"拦截无人机", "interceptor drone"}, {"网枪发射装置", "net gun launching device"}},
		techs: []phrase{{"网捕", "net capture"}, {"激光毁伤", "laser destruction"}},
		comps: []phrase{{"网弹", "net projectile"}, {"发射筒", "launch tube"}, {"瞄准模块", "aiming module"}, {"牵引绳", "traction rope"}},
		funcs: []phrase{{"发射捕获网", "launch the capture net"}, {"缠绕目标旋翼", "entangle the rotors of the target"}, {"将目标拖离禁飞区", "tow the target out of the no-fly zone"}}},
}

// leafIndex maps a leaf id to its position in leafDefs, and l1Of gives each leaf's level-1 index.
var (
	leafL1  []int
	l1Index = map[string]int{}
)

func init() {
	for i, d := range l1Defs {
		l1Index[d.id] = i
	}
	leafL1 = make([]int, len(leafDefs))
	for i, d := range leafDefs {
		leafL1[i] = l1Index[d.parent]
	}
}

// intensity returns the relative filing intensity of leaf i in year y (mid-year): the derivative
// of a logistic L/(1+e^{−k(t−t0)}), i.e. k·s·(1−s) with s the logistic share, scaled by the
// parent's weight and the leaf's share, plus an optional Gaussian burst.
func intensity(i int, y float64) float64 {
	d := &leafDefs[i]
	t0, k := d.t0, d.k
	if d.id != "AF.TGT" { // the tabled curves are shifted later and flattened a little
		t0, k = t0+1.5, k*0.85
	}
	s := 1 / (1 + math.Exp(-k*(y-t0)))
	v := s * (1 - s) * 4 // 1 at the peak
	if d.bumpA > 0 {
		z := (y - d.bumpC) / d.bumpW
		v += d.bumpA * math.Exp(-z*z/2)
	}
	return l1Defs[leafL1[i]].weight * d.share * v
}

// Branches returns the technology decomposition tree: every level-1 branch followed by its
// level-2 leaves, in a fixed order. Level-1 codes and keywords are the union of their leaves'.
func Branches() []Branch {
	var out []Branch
	for _, l1 := range l1Defs {
		parent := Branch{ID: l1.id, Level: 1, NameZh: l1.zh, NameEn: l1.en}
		var leaves []Branch
		for _, d := range leafDefs {
			if d.parent != l1.id {
				continue
			}
			b := Branch{ID: d.id, Parent: d.parent, Level: 2, NameZh: d.zh, NameEn: d.en,
				IPC: uniq(d.ipc), CPC: uniq(d.cpc)}
			for _, set := range [][]phrase{d.objs, d.techs, d.comps} {
				for _, p := range set {
					b.KeywordsZh = append(b.KeywordsZh, p[0])
					b.KeywordsEn = append(b.KeywordsEn, p[1])
				}
			}
			parent.IPC = append(parent.IPC, b.IPC...)
			parent.CPC = append(parent.CPC, b.CPC...)
			parent.KeywordsZh = append(parent.KeywordsZh, b.KeywordsZh...)
			parent.KeywordsEn = append(parent.KeywordsEn, b.KeywordsEn...)
			leaves = append(leaves, b)
		}
		parent.IPC, parent.CPC = uniq(parent.IPC), uniq(parent.CPC)
		parent.KeywordsZh, parent.KeywordsEn = uniq(parent.KeywordsZh), uniq(parent.KeywordsEn)
		out = append(out, parent)
		out = append(out, leaves...)
	}
	return out
}

// uniq returns s without repeated values, keeping first occurrences in order.
func uniq(s []string) []string {
	out := make([]string, 0, len(s))
	for _, v := range s {
		dup := false
		for _, o := range out {
			if o == v {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, v)
		}
	}
	return out
}
