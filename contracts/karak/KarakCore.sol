// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {AddrSet, Sets} from "../lib/Sets.sol";
import {
    IKarakAsset, IKarakVaultSlashable, QueuedSlashing, QueuedStakeUpdate, SlashRequest, StakeUpdateRequest, VaultConfig
} from "./KarakTypes.sol";

/// @notice Karak V2 Core with the mainnet ABI (reference §3.8 CoreV2, §6.3) and its documented rules:
///         DSS registration (contracts only, 0 < max <= 100e18), operator <-> DSS registration (max 32),
///         vault deployment (max 32 per operator, allowlisted assets), stake updates delayed 9 days,
///         slashing requests (<= DSS max, 2-day cooldown per operator and DSS) finalized after a 2-day
///         veto window or cancelled by the veto committee. All events are non-indexed, as on mainnet.
///         Simplifications: no proxies/upgrades (UpgradedVault is declared, never emitted), no pausing
///         (pausedMap() = 0), roles = owner + a role bitmap (MANAGER 1<<0, VETO_COMMITTEE 1<<1), no DSS
///         registration hooks, one standard vault implementation (a template whose code is copied).
contract KarakCore {
    using Sets for AddrSet;

    uint256 public constant HUNDRED_PERCENT_WAD = 100e18;
    uint256 public constant MIN_STAKE_UPDATE_DELAY = 9 days;
    uint256 public constant SLASHING_VETO_WINDOW = 2 days;
    uint256 public constant SLASHING_COOLDOWN = 2 days;
    uint256 public constant MAX_VAULTS_PER_OPERATOR = 32;
    uint256 public constant MAX_DSS_PER_OPERATOR = 32;
    uint256 public constant MANAGER_ROLE = 1 << 0;
    uint256 public constant VETO_COMMITTEE_ROLE = 1 << 1;

    address public immutable owner;
    address public immutable standardImplementation;

    mapping(address => uint256) public rolesOf;
    mapping(address => address) public assetSlashingHandlers;
    mapping(address => uint256) internal dssMaxSlashable; // 0 = not registered
    mapping(address => AddrSet) internal operatorVaults;
    mapping(address => AddrSet) internal operatorDSSs;
    mapping(address => address) public vaultOperator;
    mapping(address => address) internal vaultImplementation;
    mapping(bytes32 => AddrSet) internal stakedVaults; // keccak(operator, dss)
    mapping(address => uint256) internal vaultDssCount;
    mapping(address => bytes32) public pendingStakeUpdate; // vault -> hash of its QueuedStakeUpdate
    mapping(address => uint48) internal stakeUpdateNonce; // per operator
    mapping(bytes32 => uint256) internal lastSlashingRequest; // keccak(operator, dss) -> timestamp
    mapping(bytes32 => bool) public pendingSlashing; // hash of QueuedSlashing
    mapping(address => uint256) internal vaultQueuedSlashings;
    uint256 public slashingNonce;

    event DeployedVault(address operator, address vault, address asset);
    event NewVault(address vault, address implementation);
    event RegisteredOperatorToDSS(address operator, address dss);
    event UnregisteredOperatorToDSS(address operator, address dss);
    event DSSRegistered(address dss, uint256 maxSlashablePercentageWad);
    event RequestedStakeUpdate(QueuedStakeUpdate updateRequest);
    event FinishedStakeUpdate(QueuedStakeUpdate updateRequest);
    event RequestedSlashing(address dss, SlashRequest requestSlashing);
    event CancelledSlashing(address canceller, QueuedSlashing queuedSlashing);
    event FinalizedSlashing(address finisher, QueuedSlashing queuedSlashing);
    event SkippedSlashing(address vault);
    event AllowlistedAssets(address[] assets, address[] slashingHandlers);
    event UpgradedVault(address implementation, address vault);

    error Unauthorized();
    error NotSmartContract();
    error AlreadyRegistered();
    error DSSNotRegistered();
    error InvalidSlashingPercentage();
    error OperatorNotRegisteredToDSS();
    error MaxDSSReached();
    error MaxVaultsReached();
    error AssetNotAllowlisted();
    error VaultImplNotAllowlisted();
    error LengthMismatch();
    error NotVaultOperator();
    error PendingStakeUpdate();
    error AlreadyStaked();
    error NotStaked();
    error StakeUpdateNotFound();
    error MinDelayNotPassed();
    error VaultsStillStaked();
    error SlashingCooldownNotPassed();
    error SlashingNotFound();
    error VetoWindowNotPassed();
    error EmptyArray();

    constructor(address vetoCommittee, address vaultTemplate) {
        owner = msg.sender;
        standardImplementation = vaultTemplate;
        rolesOf[msg.sender] = MANAGER_ROLE;
        rolesOf[vetoCommittee] |= VETO_COMMITTEE_ROLE;
    }

    function VERSION() external view returns (string memory) {
        return "2.0.0";
    }

    function grantRoles(address user, uint256 roles) external {
        if (msg.sender != owner) revert Unauthorized();
        rolesOf[user] |= roles;
    }

    function allowlistAssets(address[] calldata assets, address[] calldata slashingHandlers) external {
        if (rolesOf[msg.sender] & MANAGER_ROLE == 0) revert Unauthorized();
        if (assets.length != slashingHandlers.length) revert LengthMismatch();
        for (uint256 i; i < assets.length; i++) assetSlashingHandlers[assets[i]] = slashingHandlers[i];
        emit AllowlistedAssets(assets, slashingHandlers);
    }

    // ---- DSS and operator registration ----

    function registerDSS(uint256 maxSlashablePercentageWad) external {
        if (msg.sender.code.length == 0) revert NotSmartContract();
        if (dssMaxSlashable[msg.sender] != 0) revert AlreadyRegistered();
        if (maxSlashablePercentageWad == 0 || maxSlashablePercentageWad > HUNDRED_PERCENT_WAD) revert InvalidSlashingPercentage();
        dssMaxSlashable[msg.sender] = maxSlashablePercentageWad;
        emit DSSRegistered(msg.sender, maxSlashablePercentageWad);
    }

    function registerOperatorToDSS(address dss, bytes calldata /* registrationHookData: no hooks on the devnet */) external {
        if (dssMaxSlashable[dss] == 0) revert DSSNotRegistered();
        if (operatorDSSs[msg.sender].contains(dss)) revert AlreadyRegistered();
        if (operatorDSSs[msg.sender].items.length >= MAX_DSS_PER_OPERATOR) revert MaxDSSReached();
        operatorDSSs[msg.sender].add(dss);
        emit RegisteredOperatorToDSS(msg.sender, dss);
    }

    function unregisterOperatorFromDSS(address dss) external {
        if (!operatorDSSs[msg.sender].contains(dss)) revert OperatorNotRegisteredToDSS();
        if (stakedVaults[_pair(msg.sender, dss)].items.length != 0) revert VaultsStillStaked();
        operatorDSSs[msg.sender].remove(dss);
        emit UnregisteredOperatorToDSS(msg.sender, dss);
    }

    // ---- vaults ----

    function deployVaults(VaultConfig[] calldata vaultConfigs, address vaultImpl) external returns (address[] memory vaults) {
        if (vaultImpl == address(0)) vaultImpl = standardImplementation;
        if (vaultImpl != standardImplementation) revert VaultImplNotAllowlisted();
        vaults = new address[](vaultConfigs.length);
        for (uint256 i; i < vaultConfigs.length; i++) {
            VaultConfig memory cfg = vaultConfigs[i];
            if (assetSlashingHandlers[cfg.asset] == address(0)) revert AssetNotAllowlisted();
            if (operatorVaults[msg.sender].items.length >= MAX_VAULTS_PER_OPERATOR) revert MaxVaultsReached();
            // The caller is the operator and the asset's decimals apply, whatever the config says.
            cfg.operator = msg.sender;
            cfg.decimals = IKarakAsset(cfg.asset).decimals();
            address vault = _deployVault(vaultImpl, cfg);
            operatorVaults[msg.sender].add(vault);
            vaultOperator[vault] = msg.sender;
            vaultImplementation[vault] = vaultImpl;
            vaults[i] = vault;
            emit DeployedVault(msg.sender, vault, cfg.asset);
            emit NewVault(vault, vaultImpl);
        }
    }

    /// Runtime = template code ++ args ++ uint256(args.length); init code = 10-byte "return the rest" prefix.
    function _deployVault(address template, VaultConfig memory cfg) internal returns (address vault) {
        bytes memory args = abi.encode(address(this), cfg.asset, cfg.operator, cfg.decimals, cfg);
        bytes memory runtime = abi.encodePacked(template.code, args, args.length);
        bytes memory init = abi.encodePacked(hex"61", uint16(runtime.length), hex"80600a3d393df3", runtime);
        assembly {
            vault := create(0, add(init, 32), mload(init))
        }
        require(vault != address(0), "vault deployment failed");
    }

    // ---- stake updates ----

    function requestUpdateVaultStakeInDSS(StakeUpdateRequest calldata vaultStakeUpdateRequest) external returns (QueuedStakeUpdate memory updatedStake) {
        StakeUpdateRequest memory r = vaultStakeUpdateRequest;
        if (!operatorDSSs[msg.sender].contains(r.dss)) revert OperatorNotRegisteredToDSS();
        if (vaultOperator[r.vault] != msg.sender) revert NotVaultOperator();
        if (pendingStakeUpdate[r.vault] != bytes32(0)) revert PendingStakeUpdate();
        bool staked = stakedVaults[_pair(msg.sender, r.dss)].contains(r.vault);
        if (r.toStake && staked) revert AlreadyStaked();
        if (!r.toStake && !staked) revert NotStaked();
        updatedStake = QueuedStakeUpdate({
            nonce: stakeUpdateNonce[msg.sender]++, startTimestamp: uint48(block.timestamp), operator: msg.sender, updateRequest: r
        });
        pendingStakeUpdate[r.vault] = keccak256(abi.encode(updatedStake));
        emit RequestedStakeUpdate(updatedStake);
    }

    function finalizeUpdateVaultStakeInDSS(QueuedStakeUpdate calldata queuedStake) external {
        StakeUpdateRequest memory r = queuedStake.updateRequest;
        if (pendingStakeUpdate[r.vault] != keccak256(abi.encode(queuedStake))) revert StakeUpdateNotFound();
        if (block.timestamp < uint256(queuedStake.startTimestamp) + MIN_STAKE_UPDATE_DELAY) revert MinDelayNotPassed();
        delete pendingStakeUpdate[r.vault];
        AddrSet storage set = stakedVaults[_pair(queuedStake.operator, r.dss)];
        if (r.toStake) {
            if (set.add(r.vault)) vaultDssCount[r.vault]++;
        } else if (set.remove(r.vault)) {
            vaultDssCount[r.vault]--;
        }
        emit FinishedStakeUpdate(queuedStake);
    }

    // ---- slashing ----

    function requestSlashing(SlashRequest calldata slashingRequest) external returns (QueuedSlashing memory queuedSlashing) {
        SlashRequest memory r = slashingRequest;
        uint256 max = dssMaxSlashable[msg.sender];
        if (max == 0) revert DSSNotRegistered();
        if (r.vaults.length == 0) revert EmptyArray();
        if (r.vaults.length != r.slashPercentagesWad.length || r.vaults.length > MAX_VAULTS_PER_OPERATOR) revert LengthMismatch();
        bytes32 pair = _pair(r.operator, msg.sender);
        uint256 last = lastSlashingRequest[pair];
        if (last != 0 && block.timestamp < last + SLASHING_COOLDOWN) revert SlashingCooldownNotPassed();
        for (uint256 i; i < r.vaults.length; i++) {
            if (!stakedVaults[pair].contains(r.vaults[i])) revert NotStaked();
            if (r.slashPercentagesWad[i] == 0 || r.slashPercentagesWad[i] > max) revert InvalidSlashingPercentage();
            vaultQueuedSlashings[r.vaults[i]]++;
        }
        lastSlashingRequest[pair] = block.timestamp;
        queuedSlashing = QueuedSlashing({
            dss: msg.sender,
            timestamp: uint96(block.timestamp),
            operator: r.operator,
            vaults: r.vaults,
            slashPercentagesWad: r.slashPercentagesWad,
            nonce: slashingNonce++
        });
        pendingSlashing[keccak256(abi.encode(queuedSlashing))] = true;
        emit RequestedSlashing(msg.sender, r);
    }

    function finalizeSlashing(QueuedSlashing calldata queuedSlashing) external {
        QueuedSlashing memory q = queuedSlashing;
        _dequeue(q);
        if (block.timestamp < uint256(q.timestamp) + SLASHING_VETO_WINDOW) revert VetoWindowNotPassed();
        AddrSet storage staked = stakedVaults[_pair(q.operator, q.dss)];
        for (uint256 i; i < q.vaults.length; i++) {
            IKarakVaultSlashable vault = IKarakVaultSlashable(q.vaults[i]);
            if (!staked.contains(address(vault))) {
                emit SkippedSlashing(address(vault));
                continue;
            }
            uint256 amount = (uint256(q.slashPercentagesWad[i]) * vault.totalAssets()) / HUNDRED_PERCENT_WAD;
            vault.slashAssets(amount, assetSlashingHandlers[vault.asset()]);
        }
        emit FinalizedSlashing(msg.sender, q);
    }

    function cancelSlashing(QueuedSlashing calldata queuedSlashing) external {
        if (rolesOf[msg.sender] & VETO_COMMITTEE_ROLE == 0) revert Unauthorized();
        QueuedSlashing memory q = queuedSlashing;
        _dequeue(q);
        emit CancelledSlashing(msg.sender, q);
    }

    function _dequeue(QueuedSlashing memory q) internal {
        bytes32 h = keccak256(abi.encode(q));
        if (!pendingSlashing[h]) revert SlashingNotFound();
        delete pendingSlashing[h];
        for (uint256 i; i < q.vaults.length; i++) vaultQueuedSlashings[q.vaults[i]]--;
    }

    // ---- views ----

    function getOperatorVaults(address operator) external view returns (address[] memory vaults) {
        return operatorVaults[operator].items;
    }

    function fetchVaultsStakedInDSS(address operator, address dss) external view returns (address[] memory vaults) {
        return stakedVaults[_pair(operator, dss)].items;
    }

    function isOperatorRegisteredToDSS(address operator, address dss) external view returns (bool) {
        return operatorDSSs[operator].contains(dss);
    }

    function isDSSRegistered(address dss) external view returns (bool) {
        return dssMaxSlashable[dss] != 0;
    }

    function getDssMaxSlashablePercentageWad(address dss) external view returns (uint256 slashablePercentageWad) {
        return dssMaxSlashable[dss];
    }

    function getLeverage(address vault) external view returns (uint256 leverage) {
        return vaultDssCount[vault] * HUNDRED_PERCENT_WAD;
    }

    function isVaultQueuedForSlashing(address vault) external view returns (bool) {
        return vaultQueuedSlashings[vault] != 0;
    }

    function isAssetAllowlisted(address asset) external view returns (bool) {
        return assetSlashingHandlers[asset] != address(0);
    }

    function isVaultImplAllowListed(address vaultImpl) external view returns (bool) {
        return vaultImpl == standardImplementation;
    }

    function implementation(address vault) external view returns (address) {
        return vaultImplementation[vault];
    }

    function pausedMap() external view returns (uint256) {
        return 0;
    }

    function _pair(address operator, address dss) internal pure returns (bytes32) {
        return keccak256(abi.encode(operator, dss));
    }
}
