// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {OperatorSet, OperatorSetKey} from "./interfaces/Types.sol";
import {IERC20Like, IStrategyLike, IDelegationCore, IAllocationCore} from "./interfaces/ICore.sol";
import {Eip712} from "./lib/Eip712.sol";

/// @notice Deposit-share ledger for ERC-20 strategies (mainnet StrategyManager semantics, no proxy,
///         no pausing). DelegationManager is the only caller of the share hooks, as on mainnet.
contract StrategyManager {
    using OperatorSetKey for OperatorSet;

    uint8 internal constant MAX_STAKER_STRATEGY_LIST_LENGTH = 32;
    bytes32 internal constant DEPOSIT_TYPEHASH =
        keccak256("Deposit(address staker,address strategy,address token,uint256 amount,uint256 nonce,uint256 expiry)");

    address public immutable delegation;
    address public immutable allocationManager;
    address public immutable owner;
    address public strategyWhitelister;
    string public version;

    mapping(address => uint256) public nonces;
    mapping(address => bool) public strategyIsWhitelistedForDeposit;
    mapping(address => mapping(address => uint256)) public stakerDepositShares;
    mapping(address => address[]) internal _strategyList;
    // (operator set key, slashId) => strategies with shares pending burn/redistribution
    mapping(bytes32 => mapping(uint256 => address[])) internal _slashStrategies;
    mapping(bytes32 => mapping(uint256 => mapping(address => uint256))) internal _slashShares;

    event Deposit(address staker, address strategy, uint256 shares);
    event StrategyAddedToDepositWhitelist(address strategy);
    event StrategyRemovedFromDepositWhitelist(address strategy);
    event StrategyWhitelisterChanged(address previousAddress, address newAddress);
    event BurnOrRedistributableSharesIncreased(OperatorSet operatorSet, uint256 slashId, address strategy, uint256 shares);
    event BurnOrRedistributableSharesDecreased(OperatorSet operatorSet, uint256 slashId, address strategy, uint256 shares);
    // Legacy (pre-redistribution) burn event; declared for ABI parity, never emitted here.
    event BurnableSharesDecreased(address strategy, uint256 shares);

    error OnlyDelegationManager();
    error OnlyStrategyWhitelister();
    error OnlyOwner();
    error StrategyNotWhitelisted();
    error StakerAddressZero();
    error SharesAmountZero();
    error SharesAmountTooHigh();
    error MaxStrategiesExceeded();
    error SignatureExpired();
    error InvalidSignature();
    error TransferFailed();

    modifier onlyDelegation() {
        if (msg.sender != delegation) revert OnlyDelegationManager();
        _;
    }

    constructor(address delegation_, address allocationManager_, address whitelister, string memory version_) {
        delegation = delegation_;
        allocationManager = allocationManager_;
        owner = msg.sender;
        strategyWhitelister = whitelister;
        version = version_;
    }

    // ---- deposits ----

    function depositIntoStrategy(address strategy, address token, uint256 amount) external returns (uint256 depositShares) {
        return _deposit(msg.sender, strategy, token, amount);
    }

    /// @dev Same EIP-712 "Deposit" message as mainnet; the caller pays, `staker` receives the shares.
    function depositIntoStrategyWithSignature(
        address strategy,
        address token,
        uint256 amount,
        address staker,
        uint256 expiry,
        bytes calldata signature
    ) external returns (uint256 depositShares) {
        if (expiry < block.timestamp) revert SignatureExpired();
        uint256 nonce = nonces[staker]++;
        bytes32 hash = calculateStrategyDepositDigestHash(staker, strategy, token, amount, nonce, expiry);
        if (!Eip712.isValid(staker, hash, signature)) revert InvalidSignature();
        return _deposit(staker, strategy, token, amount);
    }

    function _deposit(address staker, address strategy, address token, uint256 amount) internal returns (uint256 shares) {
        if (!strategyIsWhitelistedForDeposit[strategy]) revert StrategyNotWhitelisted();
        if (!IERC20Like(token).transferFrom(msg.sender, strategy, amount)) revert TransferFailed();
        shares = IStrategyLike(strategy).deposit(token, amount);
        (uint256 prevDepositShares,) = _addShares(staker, strategy, shares);
        IDelegationCore(delegation).increaseDelegatedShares(staker, strategy, prevDepositShares, shares);
    }

    function _addShares(address staker, address strategy, uint256 shares) internal returns (uint256, uint256) {
        if (staker == address(0)) revert StakerAddressZero();
        if (shares == 0) revert SharesAmountZero();
        uint256 prev = stakerDepositShares[staker][strategy];
        if (prev == 0) {
            if (_strategyList[staker].length >= MAX_STAKER_STRATEGY_LIST_LENGTH) revert MaxStrategiesExceeded();
            _strategyList[staker].push(strategy);
        }
        stakerDepositShares[staker][strategy] = prev + shares;
        emit Deposit(staker, strategy, shares);
        return (prev, shares);
    }

    // ---- hooks for DelegationManager (withdrawal queue) ----

    function addShares(address staker, address strategy, uint256 shares) external onlyDelegation returns (uint256, uint256) {
        return _addShares(staker, strategy, shares);
    }

    function removeDepositShares(address staker, address strategy, uint256 depositSharesToRemove) external onlyDelegation returns (uint256) {
        uint256 cur = stakerDepositShares[staker][strategy];
        if (depositSharesToRemove == 0) revert SharesAmountZero();
        if (depositSharesToRemove > cur) revert SharesAmountTooHigh();
        uint256 left = cur - depositSharesToRemove;
        stakerDepositShares[staker][strategy] = left;
        if (left == 0) _removeFromList(staker, strategy);
        return left;
    }

    function withdrawSharesAsTokens(address staker, address strategy, address token, uint256 shares) external onlyDelegation {
        IStrategyLike(strategy).withdraw(staker, token, shares);
    }

    function increaseBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId, address strategy, uint256 addedSharesToBurn)
        external
        onlyDelegation
    {
        bytes32 k = operatorSet.key();
        if (_slashShares[k][slashId][strategy] == 0) _slashStrategies[k][slashId].push(strategy);
        _slashShares[k][slashId][strategy] += addedSharesToBurn;
        emit BurnOrRedistributableSharesIncreased(operatorSet, slashId, strategy, addedSharesToBurn);
    }

    /// @notice Pays slashed shares out as tokens to the set's redistribution recipient (or mainnet's
    ///         default burn address). Permissionless, like mainnet's clearBurnOrRedistributableShares.
    function clearBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId) external returns (uint256[] memory amounts) {
        bytes32 k = operatorSet.key();
        address[] memory strats = _slashStrategies[k][slashId];
        address recipient = IAllocationCore(allocationManager).getRedistributionRecipient(operatorSet);
        amounts = new uint256[](strats.length);
        delete _slashStrategies[k][slashId];
        for (uint256 i = 0; i < strats.length; ++i) {
            uint256 shares = _slashShares[k][slashId][strats[i]];
            delete _slashShares[k][slashId][strats[i]];
            amounts[i] = shares;
            if (shares == 0) continue;
            IStrategyLike(strats[i]).withdraw(recipient, IStrategyLike(strats[i]).underlyingToken(), shares);
            emit BurnOrRedistributableSharesDecreased(operatorSet, slashId, strats[i], shares);
        }
    }

    // ---- whitelist ----

    function addStrategiesToDepositWhitelist(address[] calldata strategiesToWhitelist) external {
        if (msg.sender != strategyWhitelister) revert OnlyStrategyWhitelister();
        for (uint256 i = 0; i < strategiesToWhitelist.length; ++i) {
            if (strategyIsWhitelistedForDeposit[strategiesToWhitelist[i]]) continue;
            strategyIsWhitelistedForDeposit[strategiesToWhitelist[i]] = true;
            emit StrategyAddedToDepositWhitelist(strategiesToWhitelist[i]);
        }
    }

    function removeStrategiesFromDepositWhitelist(address[] calldata strategiesToRemoveFromWhitelist) external {
        if (msg.sender != strategyWhitelister) revert OnlyStrategyWhitelister();
        for (uint256 i = 0; i < strategiesToRemoveFromWhitelist.length; ++i) {
            if (!strategyIsWhitelistedForDeposit[strategiesToRemoveFromWhitelist[i]]) continue;
            strategyIsWhitelistedForDeposit[strategiesToRemoveFromWhitelist[i]] = false;
            emit StrategyRemovedFromDepositWhitelist(strategiesToRemoveFromWhitelist[i]);
        }
    }

    function setStrategyWhitelister(address newStrategyWhitelister) external {
        if (msg.sender != owner) revert OnlyOwner();
        emit StrategyWhitelisterChanged(strategyWhitelister, newStrategyWhitelister);
        strategyWhitelister = newStrategyWhitelister;
    }

    // ---- views ----

    function getDeposits(address staker) external view returns (address[] memory, uint256[] memory) {
        address[] memory list = _strategyList[staker];
        uint256[] memory shares = new uint256[](list.length);
        for (uint256 i = 0; i < list.length; ++i) shares[i] = stakerDepositShares[staker][list[i]];
        return (list, shares);
    }

    function getStakerStrategyList(address staker) external view returns (address[] memory) {
        return _strategyList[staker];
    }

    function stakerStrategyListLength(address staker) external view returns (uint256) {
        return _strategyList[staker].length;
    }

    function getBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId)
        external
        view
        returns (address[] memory, uint256[] memory)
    {
        bytes32 k = operatorSet.key();
        address[] memory strats = _slashStrategies[k][slashId];
        uint256[] memory shares = new uint256[](strats.length);
        for (uint256 i = 0; i < strats.length; ++i) shares[i] = _slashShares[k][slashId][strats[i]];
        return (strats, shares);
    }

    function domainSeparator() public view returns (bytes32) {
        return Eip712.domainSeparator(version);
    }

    function calculateStrategyDepositDigestHash(
        address staker,
        address strategy,
        address token,
        uint256 amount,
        uint256 nonce,
        uint256 expiry
    ) public view returns (bytes32) {
        return Eip712.digest(
            domainSeparator(), keccak256(abi.encode(DEPOSIT_TYPEHASH, staker, strategy, token, amount, nonce, expiry))
        );
    }

    function _removeFromList(address staker, address strategy) internal {
        address[] storage list = _strategyList[staker];
        for (uint256 i = 0; i < list.length; ++i) {
            if (list[i] == strategy) {
                list[i] = list[list.length - 1];
                list.pop();
                return;
            }
        }
    }
}
