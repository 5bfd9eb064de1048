// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {Withdrawal} from "./interfaces/Types.sol";
import {IStrategyManagerCore, IEigenPodManagerCore, IAllocationCore, IShareManager} from "./interfaces/ICore.sol";
import {WadMath} from "./lib/WadMath.sol";

/// @notice DelegationManager state, events and the slashing-factor helpers shared by its view and write
///         halves (split only to keep files small; it deploys as one contract).
abstract contract DelegationStorage {
    using WadMath for uint256;

    uint256 internal constant WAD = 1e18;
    address public constant beaconChainETHStrategy = 0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0;

    IStrategyManagerCore public immutable strategyManager;
    IEigenPodManagerCore public immutable eigenPodManager;
    IAllocationCore public immutable allocationManager;
    uint32 public immutable minWithdrawalDelayBlocks;

    mapping(address => address) public delegatedTo;
    mapping(address => mapping(address => uint256)) public operatorShares;
    mapping(address => mapping(bytes32 => bool)) public delegationApproverSaltIsSpent;
    mapping(bytes32 => bool) public pendingWithdrawals;
    mapping(address => uint256) public cumulativeWithdrawalsQueued;
    mapping(address => address) internal _approver;
    mapping(address => mapping(address => uint256)) internal _dsf; // 0 means WAD, as on mainnet
    mapping(bytes32 => Withdrawal) internal _queued;
    mapping(address => bytes32[]) internal _rootsOf;

    /// @dev Cumulative scaled shares ever queued per (operator, strategy), by block: the difference between
    ///      now and (now - delay - 1) is what is still slashable in the queue (mainnet's Snapshots).
    struct Snap {
        uint32 blockNumber;
        uint224 value;
    }

    mapping(address => mapping(address => Snap[])) internal _cumScaled;

    event OperatorRegistered(address indexed operator, address delegationApprover);
    event DelegationApproverUpdated(address indexed operator, address newDelegationApprover);
    event OperatorMetadataURIUpdated(address indexed operator, string metadataURI);
    event OperatorSharesIncreased(address indexed operator, address staker, address strategy, uint256 shares);
    event OperatorSharesDecreased(address indexed operator, address staker, address strategy, uint256 shares);
    event StakerDelegated(address indexed staker, address indexed operator);
    event StakerUndelegated(address indexed staker, address indexed operator);
    event StakerForceUndelegated(address indexed staker, address indexed operator);
    event DepositScalingFactorUpdated(address staker, address strategy, uint256 newDepositScalingFactor);
    event SlashingWithdrawalQueued(bytes32 withdrawalRoot, Withdrawal withdrawal, uint256[] sharesToWithdraw);
    event SlashingWithdrawalCompleted(bytes32 withdrawalRoot);
    event OperatorSharesSlashed(address indexed operator, address strategy, uint256 totalSlashedShares);

    constructor(address sm, address epm, address am, uint32 minDelay) {
        strategyManager = IStrategyManagerCore(sm);
        eigenPodManager = IEigenPodManagerCore(epm);
        allocationManager = IAllocationCore(am);
        minWithdrawalDelayBlocks = minDelay;
    }

    function depositScalingFactor(address staker, address strategy) public view returns (uint256) {
        uint256 f = _dsf[staker][strategy];
        return f == 0 ? WAD : f;
    }

    function _shareManager(address strategy) internal view returns (IShareManager) {
        return strategy == beaconChainETHStrategy ? IShareManager(address(eigenPodManager)) : IShareManager(address(strategyManager));
    }

    /// @dev Operator part of the slashing factor: maxMagnitude, or WAD when undelegated.
    function _operatorFactors(address operator, address[] memory strategies) internal view returns (uint256[] memory f) {
        f = new uint256[](strategies.length);
        if (operator == address(0)) {
            for (uint256 i = 0; i < f.length; ++i) f[i] = WAD;
            return f;
        }
        uint64[] memory mags = allocationManager.getMaxMagnitudes(operator, strategies);
        for (uint256 i = 0; i < f.length; ++i) f[i] = mags[i];
    }

    /// @dev Full slashing factor: operator maxMagnitude x beacon-chain slashing factor (beacon strategy only).
    function _slashingFactors(address staker, address operator, address[] memory strategies) internal view returns (uint256[] memory f) {
        f = _operatorFactors(operator, strategies);
        _applyBeaconFactor(staker, strategies, f);
    }

    function _slashingFactorsAtBlock(address staker, address operator, address[] memory strategies, uint32 blockNumber)
        internal
        view
        returns (uint256[] memory f)
    {
        f = new uint256[](strategies.length);
        if (operator == address(0)) {
            for (uint256 i = 0; i < f.length; ++i) f[i] = WAD;
        } else {
            uint64[] memory mags = allocationManager.getMaxMagnitudesAtBlock(operator, strategies, blockNumber);
            for (uint256 i = 0; i < f.length; ++i) f[i] = mags[i];
        }
        _applyBeaconFactor(staker, strategies, f);
    }

    function _applyBeaconFactor(address staker, address[] memory strategies, uint256[] memory f) internal view {
        for (uint256 i = 0; i < f.length; ++i) {
            if (strategies[i] == beaconChainETHStrategy) f[i] = f[i].mulWad(eigenPodManager.beaconChainSlashingFactor(staker));
        }
    }

    function _one(address a) internal pure returns (address[] memory arr) {
        arr = new address[](1);
        arr[0] = a;
    }

    function _latest(Snap[] storage h) internal view returns (uint256) {
        return h.length == 0 ? 0 : h[h.length - 1].value;
    }

    /// @dev Value of the last snapshot taken at or before `blockNumber` (binary search).
    function _upperLookup(Snap[] storage h, uint256 blockNumber) internal view returns (uint256) {
        uint256 lo = 0;
        uint256 hi = h.length;
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            if (h[mid].blockNumber > blockNumber) hi = mid;
            else lo = mid + 1;
        }
        return hi == 0 ? 0 : h[hi - 1].value;
    }

    /// @dev Scaled shares queued by the operator's stakers that are still inside their slashable window.
    ///      Mainnet evaluates `block.number - delay - 1` with checked math and reverts on chains younger
    ///      than the delay; we clamp to 0 so a fresh devnet can slash right away.
    function _slashableScaledInQueue(address operator, address strategy) internal view returns (uint256) {
        Snap[] storage h = _cumScaled[operator][strategy];
        uint256 delay = uint256(minWithdrawalDelayBlocks) + 1;
        uint256 past = block.number > delay ? _upperLookup(h, block.number - delay) : 0;
        return _latest(h) - past;
    }
}
